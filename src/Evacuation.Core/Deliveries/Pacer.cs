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

    public Pacer(double unitsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitsPerSecond);
        this.time = time;
        perUnit = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / unitsPerSecond));
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

    /// <summary>Waits for a slot; a pause that began while waiting is waited out too.</summary>
    public async ValueTask WaitAsync(int units, CancellationToken cancellationToken)
    {
        while (true)
        {
            var start = Reserve(units);
            await DelayUntil(time, start, cancellationToken);
            lock (gate)
            {
                if (time.GetUtcNow() >= pausedUntil)
                {
                    return;
                }
            }
        }
    }

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
