namespace Evacuation.Core.Channels;

public enum ChannelKind
{
    Telegram,
    Sms,

    /// <summary>The citizen's check-in page: replies come in by it, nothing is sent on it (see <see cref="ChannelKinds.Outbound"/>).</summary>
    Web,
}

public static class ChannelKinds
{
    /// <summary>The channels messages are sent on: each has a sender, dispatchers and pacing.</summary>
    public static IReadOnlyList<ChannelKind> Outbound { get; } = [ChannelKind.Telegram, ChannelKind.Sms];
}
