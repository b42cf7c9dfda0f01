using Evacuation.Channels.Telegram;

namespace Evacuation.Channels.Tests.Telegram;

public sealed class TelegramSecretTests
{
    [Theory]
    [InlineData("s3cret_-Value", "s3cret_-Value", true, Label = "the same secret matches")]
    [InlineData("s3cret_-Value", "s3cret_-Valuf", false, Label = "a different secret does not")]
    [InlineData("s3cret_-Value", "s3cret", false, Label = "a prefix does not")]
    [InlineData("s3cret_-Value", "S3CRET_-VALUE", false, Label = "case matters")]
    [InlineData("s3cret_-Value", null, false, Label = "a missing header does not")]
    [InlineData("", "", false, Label = "nothing configured never matches")]
    public void The_webhook_secret_header_must_match_exactly(string expected, string? header, bool matches)
    {
        Assert.Equal(matches, TelegramSecret.Matches(expected, header));
    }
}
