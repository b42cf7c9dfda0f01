namespace Evacuation.Channels.Telegram;

/// <summary>The <c>Telegram</c> configuration section (README, "Configuration").</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>From @BotFather, <c>digits:secret</c>. Empty means the Telegram sandbox.</summary>
    public string? BotToken { get; set; }

    /// <summary>Requests go to <c>{ApiBaseUrl}/bot{token}/{method}</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramUpdates Updates { get; set; } = TelegramUpdates.Polling;

    /// <summary>The bot's username (without @), for deep links <c>https://t.me/{BotUsername}?start={token}</c>: https://core.telegram.org/bots/features#deep-linking</summary>
    public string? BotUsername { get; set; }

    /// <summary>Required in webhook mode; Telegram echoes it in <c>X-Telegram-Bot-Api-Secret-Token</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Required in webhook mode: the public URL of <c>/webhooks/telegram</c>, registered with setWebhook.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Bot-wide send rate. Telegram allows about 30 messages per second in bulk: https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this</summary>
    public int MessagesPerSecond { get; set; } = 30;

    /// <summary>Telegram's free bulk rate, which paid sending falls back to when Telegram refuses it.</summary>
    public const int FreeMessagesPerSecond = 30;

    /// <summary>
    /// Sends pass allow_paid_broadcast: up to 1,000 messages per second, each paid for in Stars from the bot's balance
    /// (https://core.telegram.org/bots/api#sendmessage, https://core.telegram.org/bots/faq#how-can-i-message-all-of-my-bot-39s-subscribers-at-once).
    /// </summary>
    public bool PaidBroadcast { get; set; }

    /// <summary>What Telegram charges a paid message, for the estimate: 0.1 Stars per message (sendMessage's allow_paid_broadcast).</summary>
    public decimal PaidBroadcastStarsPerMessage { get; set; } = 0.1m;

    public bool IsSandbox => string.IsNullOrWhiteSpace(BotToken);
}
