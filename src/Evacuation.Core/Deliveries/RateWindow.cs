namespace Evacuation.Core.Deliveries;

/// <summary>One send as a rate window counts it: when it started, how many units, and when the provider answered (null: not yet).</summary>
public readonly record struct CountedSend(DateTimeOffset Start, int Units, DateTimeOffset? AnsweredAt);

/// <summary>
/// Whether a send may start now under a provider's rate: at most a whole rate's units counted at any moment.
/// <para>
/// Counted from the start only (<see cref="Counting.FromStart"/>), a send counts for <see cref="Window"/> after it
/// started: at most the rate's units <em>start</em> in any second. But a provider counts what <em>arrives</em>, and a
/// request can be held between our start and its arrival (a database look before the call, a new connection, a busy
/// machine: up to 430 ms seen just after a node restarted), so sends started a second apart can arrive together.
/// Counted until answered (<see cref="Counting.UntilAnswered"/>), a send also counts until <see cref="AfterAnswer"/>
/// after its answer. It arrived at the provider between its start and its answer, so every send arriving in any one
/// second is still counted at the moment the last of them started: at most the rate's units arrive in any second,
/// whatever the delays. The price: a send whose answer takes longer than 20 ms holds its place that much longer.
/// </para>
/// </summary>
public static class RateWindow
{
    public enum Counting
    {
        /// <summary>A send counts for <see cref="Window"/> after it started (Twilio queues what arrives faster than the account's rate).</summary>
        FromStart,

        /// <summary>A send counts until <see cref="AfterAnswer"/> after its answer, and at least <see cref="Window"/> (Telegram refuses a burst with 429).</summary>
        UntilAnswered,
    }

    /// <summary>
    /// One second plus a little: what happens between the start and the request leaving (serialising it, a busy
    /// thread pool) can shift sends by a few milliseconds, and the provider counts whole seconds on its side.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1020);

    /// <summary>How long a send still counts after its answer: the second in which it may have arrived.</summary>
    public static readonly TimeSpan AfterAnswer = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A send unanswered this long (longer than any client's timeout) is taken as answered then, so an answer that
    /// was never reported costs its place for two minutes, not for ever.
    /// </summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Until when <paramref name="send"/> counts, as far as is known at <paramref name="now"/>: a send still waiting
    /// for its answer counts at least until a second from now.
    /// </summary>
    public static DateTimeOffset CountsUntil(CountedSend send, Counting counting, DateTimeOffset now)
    {
        var afterStart = send.Start + Window;
        if (counting == Counting.FromStart)
        {
            return afterStart;
        }
        var answered = send.AnsweredAt ?? Earliest(now, send.Start + LongestWait);
        var afterAnswer = answered + AfterAnswer;
        return afterAnswer > afterStart ? afterAnswer : afterStart;
    }

    /// <summary>
    /// Null when <paramref name="units"/> may start at <paramref name="now"/> beside the sends still counted (a send
    /// larger than the whole rate starts when nothing else counts); else when to look again (the moment enough of them
    /// stop counting as far as is known now: an unanswered one may count longer, so look again then).
    /// </summary>
    public static DateTimeOffset? NextStart(IEnumerable<CountedSend> counted, int units, int perWindow, Counting counting, DateTimeOffset now)
    {
        var still = counted.Select(s => (Until: CountsUntil(s, counting, now), s.Units)).Where(s => s.Until > now).ToList();
        var inUse = still.Sum(s => s.Units);
        var excess = inUse + units - perWindow;
        if (excess <= 0 || inUse == 0)
        {
            return null;
        }
        var freed = 0;
        foreach (var (until, held) in still.OrderBy(s => s.Until))
        {
            freed += held;
            if (freed >= excess)
            {
                return until;
            }
        }
        return still.Max(s => s.Until);
    }

    static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
