namespace Evacuation.Core.Deliveries;

/// <summary>
/// When messages stop being worth sending. Nothing expires because the service's own queue is long: an operator's
/// broadcast expires only at the <c>expiresAt</c> they chose (none by default). The service's own messages carry
/// short expiries of their own, because late they would mislead rather than help.
/// </summary>
public static class Expiries
{
    /// <summary>An answer to a citizen's message: an hour later the conversation has moved on (they wrote again, or an officer called).</summary>
    public static readonly TimeSpan Answer = TimeSpan.FromHours(1);

    /// <summary>A reminder: the next sweep reminds again with fresh words, so an old one is not worth sending.</summary>
    public static readonly TimeSpan Reminder = TimeSpan.FromHours(6);

    /// <summary>The furthest an operator's <c>expiresAt</c> may be from the time the broadcast starts.</summary>
    public static readonly TimeSpan MostAhead = TimeSpan.FromDays(7);

    /// <summary>Twilio's largest <c>ValidityPeriod</c> that every version of its documentation accepts (4 hours; newer pages allow 10).</summary>
    public static readonly TimeSpan LongestSmsValidity = TimeSpan.FromSeconds(14_400);

    /// <summary>
    /// The <c>ValidityPeriod</c> for an SMS that expires at <paramref name="expiresAt"/>, sent at <paramref name="now"/>:
    /// Twilio drops it unsent from its queue after that many seconds, so a carrier never delivers a stale "leave now"
    /// hours late (https://www.twilio.com/docs/messaging/api/message-resource). Null without an expiry.
    /// </summary>
    public static int? SmsValiditySeconds(DateTime? expiresAt, DateTime now)
    {
        if (expiresAt is not { } at)
        {
            return null;
        }
        var left = at - now;
        return (int)Math.Clamp(Math.Ceiling(left.TotalSeconds), 1, LongestSmsValidity.TotalSeconds);
    }

    /// <summary>Why an operator's <paramref name="expiresAt"/> is refused, or null when it is fine.</summary>
    public static string? Check(DateTime expiresAt, DateTime startsAt, DateTime now)
    {
        if (expiresAt <= now)
        {
            return $"expiresAt {expiresAt:yyyy-MM-dd HH:mm:ss} UTC is in the past: give a time after now ({now:yyyy-MM-dd HH:mm:ss} UTC), or leave it out so the broadcast never expires";
        }
        if (expiresAt <= startsAt)
        {
            return $"expiresAt {expiresAt:yyyy-MM-dd HH:mm:ss} UTC is not after sendAt {startsAt:yyyy-MM-dd HH:mm:ss} UTC: nothing could be sent; give a later expiresAt or an earlier sendAt";
        }
        if (expiresAt - startsAt > MostAhead)
        {
            return $"expiresAt is more than {MostAhead.TotalDays:0} days after the broadcast starts: leave it out for a broadcast that should never expire";
        }
        return null;
    }
}
