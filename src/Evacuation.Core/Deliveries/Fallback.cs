using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;

namespace Evacuation.Core.Deliveries;

/// <summary>
/// When a channel turns out unable to reach a citizen, whether the message goes out on the other one instead.
/// Only under <see cref="ChannelPolicy.Preferred"/>: with <see cref="ChannelPolicy.Both"/> the other channel already
/// has its own delivery, and a single-channel policy is the operator's explicit choice.
/// </summary>
public static class Fallback
{
    public static ChannelKind? After(ChannelKind failed, ChannelPolicy policy, bool hasTelegram, bool hasSms)
    {
        if (policy != ChannelPolicy.Preferred)
        {
            return null;
        }
        return failed switch
        {
            ChannelKind.Telegram when hasSms => ChannelKind.Sms,
            ChannelKind.Sms when hasTelegram => ChannelKind.Telegram,
            _ => null,
        };
    }

    /// <summary>
    /// A Telegram message that failed for good (a permanent error such as "chat not found", or retries exhausted) goes
    /// out by SMS instead under <see cref="ChannelPolicy.Preferred"/> when the citizen has a usable phone. Not the other
    /// way: a failed SMS says nothing about Telegram, and SMS failures mostly come later, in receipts.
    /// </summary>
    public static ChannelKind? AfterFailure(ChannelKind failed, ChannelPolicy policy, bool hasSms) =>
        failed == ChannelKind.Telegram && policy == ChannelPolicy.Preferred && hasSms ? ChannelKind.Sms : null;
}
