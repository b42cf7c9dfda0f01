namespace Evacuation.Core.Deliveries;

/// <summary>
/// Spaces sends evenly at a fixed rate, shared by every dispatcher of one channel. Waiters take turns by
/// <see cref="DeliveryPriority"/> (then by arrival): the one whose turn it is books the next free slot (one slot per
/// unit: a message, or an SMS segment) and hands the turn on only shortly before its slot comes
/// (<see cref="Lookahead"/>). So at most a few tens of milliseconds of slots are ever booked ahead, and an urgent
/// message that arrives behind seconds of queued bulk sends takes the next free slot instead of the last one. In any
/// one-second window at most <c>unitsPerSecond</c> units start, and there is never a burst after an idle spell. A
/// provider's "slow down" (<see cref="PauseUntil"/>) holds every sender until then.
/// </summary>
public sealed class Pacer
{
    /// <summary>How far ahead of its slot a waiter lets the next one book: enough to keep the slots back to back.</summary>
    public static readonly TimeSpan Lookahead = TimeSpan.FromMilliseconds(50);

    readonly Lock gate = new();
    readonly TimeProvider time;
    readonly TimeSpan perUnit;
    readonly int perWindow;
    readonly Queue<DateTimeOffset> recent = new();
    readonly SortedSet<Waiter> waiting = new(Comparer<Waiter>.Create((a, b) => (a.Priority, a.Arrival).CompareTo((b.Priority, b.Arrival))));
    DateTimeOffset nextFree;
    DateTimeOffset pausedUntil;
    long arrivals;
    Waiter? turn;

    public Pacer(double unitsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitsPerSecond);
        this.time = time;
        perUnit = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / unitsPerSecond));
        perWindow = Math.Max(1, (int)Math.Floor(unitsPerSecond));
        nextFree = time.GetUtcNow();
    }

    public double UnitsPerSecond => (double)TimeSpan.TicksPerSecond / perUnit.Ticks;

    /// <summary>
    /// The rate a pacer configured at <paramref name="unitsPerSecond"/> keeps up over minutes: at most the whole units
    /// per second in every <see cref="Window"/> (a little over a second), so about 2% under a whole configured rate.
    /// Estimates of how long sending takes use it, so they match what the pacer really does.
    /// </summary>
    public static double SustainedRate(double unitsPerSecond) =>
        // The tiny allowance: a rate read back from whole ticks (30/s as 29.99997/s) still counts 30 units a window.
        Math.Min(unitsPerSecond, Math.Max(1, Math.Floor(unitsPerSecond + 1e-3)) / Window.TotalSeconds);

    /// <summary>How long <paramref name="units"/> units take at this rate.</summary>
    public TimeSpan TimeFor(long units) => perUnit * units;

    /// <summary>Books the next slot for <paramref name="units"/> units and returns when it starts.</summary>
    public DateTimeOffset Reserve(int units = 1)
    {
        lock (gate)
        {
            return Book(units, DateTimeOffset.MaxValue)!.Value;
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

    /// <summary>Waits for a bulk slot with no limit.</summary>
    public async ValueTask WaitAsync(int units, CancellationToken cancellationToken) =>
        await WaitAsync(units, DeliveryPriority.Bulk, DateTimeOffset.MaxValue, cancellationToken);

    /// <summary>
    /// Waits for this send's turn, then for its slot. False, with nothing booked, when the slot would start after
    /// <paramref name="giveUpAt"/> (the caller's lease would not hold until then: it gives the message back instead).
    /// After the slot, checks the last second really holds room for this send: timers that fire late (a busy machine)
    /// can release several waiters at once, and a provider counts such a burst.
    /// </summary>
    public async ValueTask<bool> WaitAsync(int units, int priority, DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        var waiter = Enter(priority);
        try
        {
            if (!await TurnAsync(waiter, giveUpAt, cancellationToken))
            {
                return false;
            }
            DateTimeOffset? start;
            lock (gate)
            {
                start = Book(units, giveUpAt);
            }
            if (start is null)
            {
                return false;
            }
            await DelayUntil(time, start.Value - Lookahead, cancellationToken);
            Leave(waiter);
            await DelayUntil(time, start.Value, cancellationToken);
            while (TryStart(Math.Max(1, units)) is { } earliest)
            {
                if (earliest > giveUpAt)
                {
                    return false;
                }
                await DelayUntil(time, earliest, cancellationToken);
            }
            return true;
        }
        finally
        {
            Leave(waiter);
        }
    }

    sealed class Waiter(int priority, long arrival)
    {
        public int Priority { get; } = priority;
        public long Arrival { get; } = arrival;
        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    Waiter Enter(int priority)
    {
        Waiter? granted;
        Waiter waiter;
        lock (gate)
        {
            waiter = new Waiter(priority, arrivals++);
            waiting.Add(waiter);
            granted = turn is null ? Promote() : null;
        }
        granted?.Turn.TrySetResult();
        return waiter;
    }

    /// <summary>Gives up the turn (or the place in the line); the most urgent, oldest waiter gets the turn next.</summary>
    void Leave(Waiter waiter)
    {
        Waiter? granted = null;
        lock (gate)
        {
            if (turn == waiter)
            {
                turn = null;
                granted = Promote();
            }
            else
            {
                waiting.Remove(waiter);
            }
        }
        granted?.Turn.TrySetResult();
    }

    Waiter? Promote()
    {
        if (waiting.Min is not { } next)
        {
            return null;
        }
        waiting.Remove(next);
        turn = next;
        return next;
    }

    async ValueTask<bool> TurnAsync(Waiter waiter, DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        if (waiter.Turn.Task.IsCompleted)
        {
            return true;
        }
        var limit = giveUpAt == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : giveUpAt - time.GetUtcNow();
        if (limit != Timeout.InfiniteTimeSpan && limit <= TimeSpan.Zero)
        {
            return false;
        }
        try
        {
            await waiter.Turn.Task.WaitAsync(limit, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The next free slot for <paramref name="units"/>, booked; null when it would start after <paramref name="giveUpAt"/>.</summary>
    DateTimeOffset? Book(int units, DateTimeOffset giveUpAt)
    {
        var start = Latest(time.GetUtcNow(), nextFree, pausedUntil);
        if (start > giveUpAt)
        {
            return null;
        }
        nextFree = start + perUnit * Math.Max(1, units);
        return start;
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
