namespace Evacuation.Core.Deliveries;

/// <summary>
/// Spaces sends evenly at a fixed rate, shared by every dispatcher of one channel. Each send reserves the next
/// free slot (one slot per unit: a message, or an SMS segment) and waits for it, so in any one-second window at
/// most <c>unitsPerSecond</c> units start and there is never a burst after an idle spell. A provider's
/// "slow down" (<see cref="PauseUntil"/>) holds every sender until then.
/// </summary>
public sealed class Pacer
{
    readonly Lock gate = new();
    readonly TimeProvider time;
    readonly TimeSpan perUnit;
    DateTimeOffset nextFree;
    DateTimeOffset pausedUntil;
    readonly int perWindow;
    readonly Queue<DateTimeOffset> recent = new();

    public Pacer(double unitsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitsPerSecond);
        this.time = time;
        perUnit = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / unitsPerSecond));
        perWindow = Math.Max(1, (int)Math.Floor(unitsPerSecond));
        nextFree = time.GetUtcNow();
    }

    public double UnitsPerSecond => (double)TimeSpan.TicksPerSecond / perUnit.Ticks;

    /// <summary>Books the next slot for <paramref name="units"/> units and returns when it starts.</summary>
    public DateTimeOffset Reserve(int units = 1)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var start = Latest(now, nextFree, pausedUntil);
            nextFree = start + perUnit * Math.Max(1, units);
            return start;
        }
    }

    /// <summary>Nobody starts before <paramref name="until"/> (Telegram's 429 retry_after applies to the whole bot).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (gate)
        {
            pausedUntil = Latest(pausedUntil, until, until);
            nextFree = Latest(nextFree, until, until);
        }
    }

    /// <summary>
    /// Waits for a slot, then checks the last second really holds room for this send: timers that fire late (a
    /// busy machine) can release several waiters at once, and a provider counts such a burst. A pause that began
    /// while waiting is waited out too.
    /// </summary>
    public async ValueTask WaitAsync(int units, CancellationToken cancellationToken)
    {
        await DelayUntil(time, Reserve(units), cancellationToken);
        while (true)
        {
            var earliest = TryStart(Math.Max(1, units));
            if (earliest is null)
            {
                return;
            }
            await DelayUntil(time, earliest.Value, cancellationToken);
        }
    }

    /// <summary>Starts now if fewer than the rate's units started in the last second (and no pause holds); else says when to look again.</summary>
    DateTimeOffset? TryStart(int units)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now < pausedUntil)
            {
                return pausedUntil;
            }
            while (recent.Count > 0 && recent.Peek() <= now - Window)
            {
                recent.Dequeue();
            }
            var excess = recent.Count + units - perWindow;
            if (excess > 0 && recent.Count > 0)
            {
                return recent.ElementAt(Math.Min(excess, recent.Count) - 1) + Window;
            }
            for (var i = 0; i < units; i++)
            {
                recent.Enqueue(now);
            }
            return null;
        }
    }

    /// <summary>
    /// One second plus a little: what happens between this check and the request leaving (serialising it, a busy
    /// thread pool) can shift sends by a few milliseconds, and the provider counts whole seconds on its side.
    /// </summary>
    static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1020);

    /// <summary>Waits until <paramref name="at"/>, rounded up to the millisecond so a timer never fires early.</summary>
    public static async ValueTask DelayUntil(TimeProvider time, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken);
        }
    }

    static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c) =>
        a > b ? (a > c ? a : c) : (b > c ? b : c);
}
