using Evacuation.Core.Channels;

namespace Evacuation.Core.Broadcasts;

/// <summary>Which channels carry a broadcast to one citizen, from the policy and the channels the citizen can use.</summary>
public static class ChannelChoice
{
    public static IReadOnlyList<ChannelKind> For(ChannelPolicy policy, bool hasTelegram, bool hasSms) => policy switch
    {
        ChannelPolicy.Preferred when hasTelegram => [ChannelKind.Telegram],
        ChannelPolicy.Preferred when hasSms => [ChannelKind.Sms],
        ChannelPolicy.Both => [.. Only(ChannelKind.Telegram, hasTelegram), .. Only(ChannelKind.Sms, hasSms)],
        ChannelPolicy.Telegram when hasTelegram => [ChannelKind.Telegram],
        ChannelPolicy.Sms when hasSms => [ChannelKind.Sms],
        _ => [],
    };

    static IEnumerable<ChannelKind> Only(ChannelKind kind, bool usable) => usable ? [kind] : [];
}
