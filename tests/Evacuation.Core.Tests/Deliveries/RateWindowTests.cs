using Evacuation.Core.Deliveries;
using static Evacuation.Core.Deliveries.RateWindow.Counting;

namespace Evacuation.Core.Tests.Deliveries;

public sealed class RateWindowTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    static DateTimeOffset At(int ms) => T0.AddMilliseconds(ms);

    /// <summary>A send started at <paramref name="start"/> ms, answered at <paramref name="answered"/> ms (-1: not yet).</summary>
    static CountedSend Send(int start, int answered = -1, int units = 1) =>
        new(At(start), units, answered < 0 ? null : At(answered));

    [Theory]
    [InlineData(FromStart, 0, -1, 500, 1020, Label = "from the start: the window, answered or not")]
    [InlineData(FromStart, 0, 900, 950, 1020, Label = "from the start: a slow answer changes nothing")]
    [InlineData(UntilAnswered, 0, 5, 100, 1020, Label = "answered within 20 ms: the window, as from the start")]
    [InlineData(UntilAnswered, 0, 300, 400, 1300, Label = "answered after 300 ms: a second after the answer")]
    [InlineData(UntilAnswered, 0, -1, 3000, 4000, Label = "unanswered: at least a second from now")]
    [InlineData(UntilAnswered, 0, -1, 200, 1200, Label = "unanswered, early on: a second from now, past the window")]
    [InlineData(UntilAnswered, 0, -1, 130_000, 121_000, Label = "unanswered for two minutes: taken as answered then")]
    public void A_send_counts_until(RateWindow.Counting counting, int start, int answered, int now, int until) =>
        Assert.Equal(At(until), RateWindow.CountsUntil(Send(start, answered), counting, At(now)));

    public static TheoryData<string, RateWindow.Counting, CountedSend[], int, int, int, int?> Starts => new()
    {
        { "nothing counted", UntilAnswered, [], 1, 3, 0, null },
        { "room left", FromStart, [Send(0), Send(10)], 1, 3, 20, null },
        { "full: the earliest leaves at the end of its window", FromStart, [Send(0), Send(10), Send(20)], 1, 3, 30, 1020 },
        { "full, but the earliest left already", FromStart, [Send(0), Send(10), Send(20)], 1, 3, 1020, null },
        { "two units need the two earliest gone", FromStart, [Send(0), Send(10), Send(20)], 2, 3, 30, 1030 },
        { "full until answered: a late answer holds the place a second after it", UntilAnswered, [Send(0, 400), Send(10, 15), Send(20, 25)], 1, 3, 500, 1030 },
        { "full until answered: the slow one leaves last", UntilAnswered, [Send(0, 400), Send(10, 15), Send(20, 25)], 3, 3, 500, 1400 },
        { "full until answered: unanswered ones are looked at again a second from now", UntilAnswered, [Send(0), Send(10), Send(20)], 1, 3, 1500, 2500 },
        { "answered, past a second after the answer: room", UntilAnswered, [Send(0, 400), Send(10, 15), Send(20, 25)], 1, 3, 1400, null },
        { "a send larger than the rate waits until nothing counts", FromStart, [Send(0, units: 1)], 5, 3, 30, 1020 },
        { "a send larger than the rate starts when nothing counts", FromStart, [Send(0, units: 1)], 5, 3, 1020, null },
        { "segments count each", FromStart, [Send(0, units: 3)], 1, 3, 30, 1020 },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void A_send_may_start(string because, RateWindow.Counting counting, CountedSend[] counted, int units, int perWindow, int now, int? lookAgain)
    {
        Assert.NotNull(because);
        Assert.Equal(lookAgain is { } ms ? At(ms) : null, RateWindow.NextStart(counted, units, perWindow, counting, At(now)));
    }

    [Theory]
    [InlineData(UntilAnswered, true, Label = "until answered: never above the rate")]
    [InlineData(FromStart, false, Label = "from the start: the same delays bunch sends above it")]
    public void No_second_at_the_provider_holds_more_than_the_rate_whatever_the_delays(RateWindow.Counting counting, bool within)
    {
        // Sends start one after the other at the earliest moment the window allows, each arriving at the provider after
        // a delay between 0 and 600 ms (a busy machine, a new connection), answered 5 ms after it arrived.
        const int perWindow = 10;
        var random = new Random(16);
        var counted = new List<CountedSend>();
        var arrivals = new List<DateTimeOffset>();
        var now = T0;
        while (arrivals.Count < 500)
        {
            if (RateWindow.NextStart(Reported(counted, now), 1, perWindow, counting, now) is { } later)
            {
                now = later;
                continue;
            }
            var arrival = now.AddMilliseconds(random.Next(0, 600));
            arrivals.Add(arrival);
            counted.Add(new CountedSend(now, 1, arrival.AddMilliseconds(5)));
        }

        arrivals.Sort();
        var busiest = arrivals.Select((a, i) => arrivals.Skip(i).TakeWhile(b => b - a < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.Equal(within, busiest <= perWindow);
    }

    /// <summary>What the pacer knows at <paramref name="now"/>: answers in the future are not reported yet.</summary>
    static IEnumerable<CountedSend> Reported(List<CountedSend> sends, DateTimeOffset now) =>
        sends.Select(s => s.AnsweredAt <= now ? s : s with { AnsweredAt = null });
}
