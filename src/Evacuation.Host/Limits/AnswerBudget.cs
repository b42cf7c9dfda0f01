using Microsoft.Extensions.Options;

namespace Evacuation.Host.Limits;

/// <summary>
/// How many answers one sender (a channel and an address) still gets this hour: someone sending hundreds of messages
/// has every one stored and acted on, but is answered at most <c>Limits:AnswersPerSenderPerHour</c> times, so nobody
/// can make the service spend its sending rate (and SMS money) on them. Counted per node, on the service's clock.
/// </summary>
public sealed class AnswerBudget(IOptions<LimitsOptions> limits, TimeProvider time)
{
    static readonly TimeSpan Window = TimeSpan.FromHours(1);

    readonly Dictionary<string, (DateTimeOffset Start, int Count)> senders = [];
    DateTimeOffset lastSweep = DateTimeOffset.MinValue;

    /// <summary>True, and counted, when <paramref name="sender"/> may be answered once more.</summary>
    public bool TryTake(string sender)
    {
        var now = time.GetUtcNow();
        lock (senders)
        {
            Sweep(now);
            var (start, count) = senders.TryGetValue(sender, out var seen) && now - seen.Start < Window ? seen : (now, 0);
            if (count >= limits.Value.AnswersPerSenderPerHour)
            {
                return false;
            }
            senders[sender] = (start, count + 1);
            return true;
        }
    }

    /// <summary>Forgets senders whose hour is over, once an hour, so the table holds one hour's senders at most.</summary>
    void Sweep(DateTimeOffset now)
    {
        if (now - lastSweep < Window)
        {
            return;
        }
        foreach (var sender in senders.Where(s => now - s.Value.Start >= Window).Select(s => s.Key).ToList())
        {
            senders.Remove(sender);
        }
        lastSweep = now;
    }
}
