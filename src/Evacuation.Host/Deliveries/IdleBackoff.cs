namespace Evacuation.Host.Deliveries;

/// <summary>
/// How long an idle worker waits before looking again for work nobody told it about: <c>Deliveries:PollInterval</c>
/// after the first empty look, doubling up to <c>Deliveries:IdleInterval</c>. Work found (or a pulse) starts it over.
/// In-process changes wake workers through their pulses at once; these looks only catch what no pulse announces
/// (another process's work on a shared PostgreSQL, rows a crash left behind), so an idle service asks its
/// database a few times a minute instead of several times a second.
/// </summary>
public sealed class IdleBackoff(TimeSpan first, TimeSpan cap)
{
    TimeSpan next = TimeSpan.Zero;

    /// <summary>The wait after one more empty look, never longer than <paramref name="dueIn"/> (something scheduled, e.g. a retry).</summary>
    public TimeSpan Next(TimeSpan? dueIn = null)
    {
        var wait = next == TimeSpan.Zero ? first : next;
        next = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, cap.Ticks));
        return dueIn is { } due && due < wait ? (due > TimeSpan.Zero ? due : TimeSpan.Zero) : wait;
    }

    public void Reset() => next = TimeSpan.Zero;
}
