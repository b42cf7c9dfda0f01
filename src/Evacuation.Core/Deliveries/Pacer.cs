namespace Evacuation.Core.Deliveries;

/// <summary>
/// Spaces sends evenly at a fixed rate, shared by every dispatcher of one channel. Waiters take turns by
/// <see cref="DeliveryPriority"/> (then by arrival): the one whose turn it is books the next free slot (one slot per
/// unit: a message, or an SMS segment) and hands the turn on only shortly before its slot comes
/// (<see cref="Lookahead"/>). So at most a few tens of milliseconds of slots are ever booked ahead, and an urgent
/// message that arrives behind seconds of queued bulk sends takes the next free slot instead of the last one. In any
/// one-second window at most <c>unitsPerSecond</c> units start, and there is never a burst after an idle spell. A
/// provider's "slow down" (<see cref="PauseUntil"/>) holds every sender until then. Counting
/// <see cref="RateWindow.Counting.UntilAnswered"/>, a send also counts until a second after its answer
/// (<see cref="PacedSend.Answered"/>), so at most <c>unitsPerSecond</c> units <em>arrive</em> at the provider in any
/// second however late the requests leave (<see cref="RateWindow"/>).
/// </summary>
public sealed class Pacer
{
    /// <summary>How far ahead of its slot a waiter lets the next one book: enough to keep the slots back to back.</summary>
    public static readonly TimeSpan Lookahead = TimeSpan.FromMilliseconds(50);

    readonly Lock gate = new();
    readonly TimeProvider time;
    readonly TimeSpan perUnit;
    readonly int perWindow;
    readonly RateWindow.Counting counting;
    readonly List<PacedSend> counted = [];
    readonly SortedSet<Waiter> waiting = new(Comparer<Waiter>.Create((a, b) => (a.Priority, a.Arrival).CompareTo((b.Priority, b.Arrival))));
    DateTimeOffset nextFree;
    DateTimeOffset pausedUntil;
    long arrivals;
    Waiter? turn;

    public Pacer(double unitsPerSecond, TimeProvider time, RateWindow.Counting counting = RateWindow.Counting.FromStart)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitsPerSecond);
        this.time = time;
        this.counting = counting;
        perUnit = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / unitsPerSecond));
        perWindow = Math.Max(1, (int)Math.Floor(unitsPerSecond));
        nextFree = time.GetUtcNow();
    }

    public double UnitsPerSecond => (double)TimeSpan.TicksPerSecond / perUnit.Ticks;

    /// <summary>
    /// The rate a pacer configured at <paramref name="unitsPerSecond"/> keeps up over minutes: at most the whole units
    /// per second in every <see cref="RateWindow.Window"/> (a little over a second), so about 2% under a whole
    /// configured rate. Estimates of how long sending takes use it, so they match what the pacer really does. Counting
    /// until answered, answers slower than 20 ms lower it further (by their excess over 20 ms per second).
    /// </summary>
    public static double SustainedRate(double unitsPerSecond) =>
        // The tiny allowance: a rate read back from whole ticks (30/s as 29.99997/s) still counts 30 units a window.
        Math.Min(unitsPerSecond, Math.Max(1, Math.Floor(unitsPerSecond + 1e-3)) / RateWindow.Window.TotalSeconds);

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
        (await StartAsync(units, DeliveryPriority.Bulk, DateTimeOffset.MaxValue, cancellationToken))?.Answered();

    /// <summary>
    /// Waits for this send's turn, then for its slot. Null, with nothing booked, when the slot would start after
    /// <paramref name="giveUpAt"/> (the caller's lease would not hold until then: it gives the message back instead).
    /// After the slot, checks the window really holds room for this send: timers that fire late (a busy machine)
    /// can release several waiters at once, and a provider counts such a burst. The caller reports the provider's
    /// answer (<see cref="PacedSend.Answered"/>), or that it did not send after all, the same way.
    /// </summary>
    public async ValueTask<PacedSend?> StartAsync(int units, int priority, DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        var waiter = Enter(priority);
        try
        {
            if (!await TurnAsync(waiter, giveUpAt, cancellationToken))
            {
                return null;
            }
            DateTimeOffset? start;
            lock (gate)
            {
                start = Book(units, giveUpAt);
            }
            if (start is null)
            {
                return null;
            }
            await DelayUntil(time, start.Value - Lookahead, cancellationToken);
            Leave(waiter);
            await DelayUntil(time, start.Value, cancellationToken);
            while (true)
            {
                var (started, earliest) = TryStart(Math.Max(1, units));
                if (started is not null)
                {
                    return started;
                }
                if (earliest > giveUpAt)
                {
                    return null;
                }
                await DelayUntil(time, earliest, cancellationToken);
            }
        }
        finally
        {
            Leave(waiter);
        }
    }

    /// <summary>
    /// One started send, counted against the rate until <see cref="Answered"/> (and a second after, counting
    /// <see cref="RateWindow.Counting.UntilAnswered"/>). Report it once the provider answered, the request failed, or
    /// the send did not happen after all.
    /// </summary>
    public sealed class PacedSend
    {
        readonly Pacer? pacer;

        internal PacedSend(Pacer? pacer, DateTimeOffset start, int units) => (this.pacer, Start, Units) = (pacer, start, units);

        /// <summary>A send that nothing counts (pacing off).</summary>
        public static PacedSend Unpaced { get; } = new(null, DateTimeOffset.MinValue, 0);

        internal DateTimeOffset Start { get; }
        internal int Units { get; }
        internal DateTimeOffset? AnsweredAt { get; private set; }

        internal CountedSend Counted => new(Start, Units, AnsweredAt);

        public void Answered()
        {
            if (pacer is null)
            {
                return;
            }
            lock (pacer.gate)
            {
                AnsweredAt ??= pacer.time.GetUtcNow();
            }
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

    /// <summary>Starts now if the window has room (and no pause holds); else says when to look again.</summary>
    (PacedSend? Started, DateTimeOffset Earliest) TryStart(int units)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now < pausedUntil)
            {
                return (null, pausedUntil);
            }
            counted.RemoveAll(s => RateWindow.CountsUntil(s.Counted, counting, now) <= now);
            if (RateWindow.NextStart(counted.Select(s => s.Counted), units, perWindow, counting, now) is { } later)
            {
                return (null, later);
            }
            var started = new PacedSend(this, now, units);
            counted.Add(started);
            return (started, now);
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
