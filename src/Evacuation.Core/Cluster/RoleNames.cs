using Evacuation.Core.Channels;

namespace Evacuation.Core.Cluster;

/// <summary>The roles nodes elect through the database: one sender per channel, one Telegram poller.</summary>
public static class RoleNames
{
    /// <summary>Telegram allows one <c>getUpdates</c> caller per bot (a second gets 409 Conflict): https://core.telegram.org/bots/api#getupdates</summary>
    public const string TelegramPoller = "telegram-poller";

    /// <summary>
    /// The node that sends a channel's messages: the bot-wide rate, per-chat spacing and a 429 pause (Telegram), and the
    /// account's segment rate (Twilio), are kept by one pacer in one process.
    /// </summary>
    public static string SenderOf(ChannelKind channel) => "sender:" + channel;

    /// <summary>Every role, in the order a node asks for them: a sender for each channel messages are sent on (none for the check-in page).</summary>
    public static IReadOnlyList<string> All { get; } = [.. ChannelKinds.Outbound.Select(SenderOf), TelegramPoller];

    /// <summary>The channel whose sender <paramref name="role"/> is, or null for another role.</summary>
    public static ChannelKind? ChannelOf(string role) =>
        ChannelKinds.Outbound.Cast<ChannelKind?>().FirstOrDefault(c => SenderOf(c!.Value) == role);
}
