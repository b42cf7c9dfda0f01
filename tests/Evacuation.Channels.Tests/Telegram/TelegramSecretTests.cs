using Evacuation.Channels.Telegram;

namespace Evacuation.Channels.Tests.Telegram;

public sealed class TelegramSecretTests
{
    [Theory]
    [InlineData("the same secret matches", "s3cret_-Value", "s3cret_-Value", true)]
    [InlineData("a different secret does not", "s3cret_-Value", "s3cret_-Valuf", false)]
    [InlineData("a prefix does not", "s3cret_-Value", "s3cret", false)]
    [InlineData("case matters", "s3cret_-Value", "S3CRET_-VALUE", false)]
    [InlineData("a missing header does not", "s3cret_-Value", null, false)]
    [InlineData("nothing configured never matches", "", "", false)]
    public void The_webhook_secret_header_must_match_exactly(string label, string expected, string? header, bool matches)
    {
        _ = label;
        Assert.Equal(matches, TelegramSecret.Matches(expected, header));
    }
}
