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

    [Theory]
    [InlineData("reply:1", 1)]
    [InlineData("reply:4", 4)]
    [InlineData("reply:5", null)]
    [InlineData("reply:", null)]
    [InlineData("other:1", null)]
    [InlineData(null, null)]
    public void A_button_press_is_read_back_as_its_reply_code(string? data, int? code) =>
        Assert.Equal(code, ReplyButtons.CodeOf(data));
}
