namespace Evacuation.Core.Deliveries;

/// <summary>
/// How long to wait before trying a failed send again: 2 s, 4 s, 8 s ... capped at 60 s, with up to 20% added
/// at random so retries from a burst do not come back as a burst. A provider's own wait (Telegram's
/// <c>retry_after</c>) replaces ours: it knows when it will take the message again, and the whole channel is
/// paused until then anyway.
/// </summary>
public static class RetryBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Attempts before a message the provider keeps refusing fails: about 25 minutes of a provider's outage at the
    /// 60 s cap. A limit of the retries' own, not of the queue: a message waiting for its pacing slot makes no attempt.
    /// </summary>
    public const int MostAttempts = 30;

    /// <param name="attempts">Attempts made so far, including the one that just failed (1 after the first).</param>
    /// <param name="providerWait">The provider's retry-after, if it gave one.</param>
    /// <param name="jitter">A number in [0, 1); 0 gives the plain schedule.</param>
    public static TimeSpan After(int attempts, TimeSpan? providerWait = null, double jitter = 0)
    {
        if (providerWait is { } wait && wait > TimeSpan.Zero)
        {
            return wait;
        }
        var exponent = Math.Clamp(attempts - 1, 0, 10);
        var plain = TimeSpan.FromTicks(Math.Min(First.Ticks << exponent, Cap.Ticks));
        var spread = TimeSpan.FromTicks((long)(plain.Ticks * 0.2 * Math.Clamp(jitter, 0, 0.999)));
        return plain + spread > Cap ? Cap : plain + spread;
    }
}
