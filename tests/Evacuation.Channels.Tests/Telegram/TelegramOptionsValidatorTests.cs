using Evacuation.Channels.Telegram;

namespace Evacuation.Channels.Tests.Telegram;

public sealed class TelegramOptionsValidatorTests
{
    private const string Token = "123456:AAsecretPart_-x";
    private const string LongSecret = "abc_DEF-123_abc_DEF-123_abc_DEF-123";

    public static Labelled<TelegramOptions, string?> Cases => new()
    {
        { "empty options are a valid sandbox", new TelegramOptions(), null },
        { "a live polling bot is valid", new TelegramOptions { BotToken = Token }, null },
        {
            "a live webhook bot with secret and URL is valid",
            new TelegramOptions { BotToken = Token, Updates = TelegramUpdates.Webhook, WebhookSecret = LongSecret, WebhookUrl = "https://evac.example.org/webhooks/telegram" },
            null
        },
        { "zero messages per second", new TelegramOptions { MessagesPerSecond = 0 }, "Telegram:MessagesPerSecond must be between 1 and 1000 (got 0)" },
        { "a paid bot at 1,000 messages per second is valid", new TelegramOptions { BotToken = Token, PaidBroadcast = true, MessagesPerSecond = 1000 }, null },
        { "a free fee", new TelegramOptions { PaidBroadcast = true, PaidBroadcastStarsPerMessage = 0 }, "Telegram:PaidBroadcastStarsPerMessage must be more than 0 and at most 100 Stars (got 0); Telegram's fee is 0.1" },
        { "too many messages per second", new TelegramOptions { MessagesPerSecond = 1001 }, "Telegram:MessagesPerSecond must be between 1 and 1000 (got 1001)" },
        { "a token without the digits part", new TelegramOptions { BotToken = "not-a-token" }, "Telegram:BotToken is not a bot token (expected digits:secret as given by @BotFather)" },
        { "a relative API URL", new TelegramOptions { ApiBaseUrl = "api.telegram.org" }, "Telegram:ApiBaseUrl must be an absolute http(s) URL (got 'api.telegram.org')" },
        { "webhook mode without a secret", new TelegramOptions { Updates = TelegramUpdates.Webhook, WebhookUrl = "https://x.example/webhooks/telegram" }, "Telegram:WebhookSecret is required when Telegram:Updates is Webhook" },
        { "webhook mode with a secret holding other characters", new TelegramOptions { Updates = TelegramUpdates.Webhook, WebhookSecret = "has space", WebhookUrl = "https://x.example/w" }, "Telegram:WebhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -" },
        { "webhook mode with a secret over 256 characters", new TelegramOptions { Updates = TelegramUpdates.Webhook, WebhookSecret = new string('a', 257), WebhookUrl = "https://x.example/w" }, "Telegram:WebhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -" },
        { "webhook mode with a secret under 32 characters", new TelegramOptions { Updates = TelegramUpdates.Webhook, WebhookSecret = "abc_DEF-123", WebhookUrl = "https://x.example/w" }, "Telegram:WebhookSecret must be at least 32 characters" },
        { "webhook mode with the example's placeholder", new TelegramOptions { Updates = TelegramUpdates.Webhook, WebhookSecret = "<random-secret-for-webhook-mode>", WebhookUrl = "https://x.example/w" }, "Telegram:WebhookSecret is the placeholder from appsettings.example.json; put a random string of 32-256 characters of A-Z a-z 0-9 _ - there, or leave it empty in polling mode" },
        { "webhook mode without a URL", new TelegramOptions { Updates = TelegramUpdates.Webhook, WebhookSecret = LongSecret }, "Telegram:WebhookUrl is required when Telegram:Updates is Webhook" },
        { "webhook mode with a relative URL", new TelegramOptions { Updates = TelegramUpdates.Webhook, WebhookSecret = LongSecret, WebhookUrl = "/webhooks/telegram" }, "Telegram:WebhookUrl must be an absolute http(s) URL (got '/webhooks/telegram')" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Options_are_checked_with_one_line_naming_the_key(TelegramOptions options, string? failure)
    {
        var result = new TelegramOptionsValidator().Validate(null, options);

        if (failure is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Equal([failure], result.Failures);
        }
    }

    [Fact]
    public void A_malformed_token_is_never_echoed()
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions { BotToken = "leaked secret value" });

        Assert.DoesNotContain("leaked", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData(Token, false)]
    public void Without_a_token_Telegram_is_a_sandbox(string? token, bool sandbox) =>
        Assert.Equal(sandbox, new TelegramOptions { BotToken = token }.IsSandbox);
}
