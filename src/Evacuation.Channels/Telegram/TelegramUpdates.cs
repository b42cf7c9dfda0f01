namespace Evacuation.Channels.Telegram;

/// <summary>How updates (replies, button presses) reach us. See https://core.telegram.org/bots/api#getting-updates</summary>
public enum TelegramUpdates
{
    /// <summary>Long polling with getUpdates: no public URL needed.</summary>
    Polling,

    /// <summary>Telegram posts updates to <see cref="TelegramOptions.WebhookUrl"/>.</summary>
    Webhook,
}
