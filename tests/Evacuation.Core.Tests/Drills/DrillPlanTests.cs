using Evacuation.Core.Citizens;
using Evacuation.Core.Drills;
using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Drills;

public sealed class DrillPlanTests
{
    static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    static List<(Guid, string)> Citizens(int count) =>
        [.. Enumerable.Range(0, count).Select(n => (Guid.NewGuid(), Language.All[n % 4]))];

    [Fact]
    public void Most_depart_some_never_answer_a_few_stay_or_ask_for_help()
    {
        var plan = DrillPlan.Make(Citizens(2000), TenMinutes, closeCrossing: false, seed: 7);

        var last = plan.Answers.GroupBy(a => a.CitizenId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.At)!.Meaning);
        double Share(JourneyStatus s) => last.Values.Count(v => v == s) / 2000.0;
        Assert.InRange(Share(JourneyStatus.Departed), 0.58, 0.72);
        Assert.InRange(Share(JourneyStatus.NeedsHelp), 0.04, 0.10);
        Assert.InRange(Share(JourneyStatus.Staying), 0.03, 0.09);
        Assert.InRange(Share(JourneyStatus.OnTheWay), 0.04, 0.10);
        Assert.InRange(1 - (last.Count / 2000.0), 0.11, 0.19); // silent
    }

    [Fact]
    public void Answers_come_in_time_order_within_the_drill_and_most_departures_in_its_first_half()
    {
        var plan = DrillPlan.Make(Citizens(1000), TenMinutes, closeCrossing: false, seed: 3);

        Assert.Equal(plan.Answers.OrderBy(a => a.At).Select(a => a.At), plan.Answers.Select(a => a.At));
        Assert.All(plan.Answers, a => Assert.InRange(a.At, TimeSpan.Zero, TenMinutes));
        var departures = plan.Answers.Where(a => a.Meaning == JourneyStatus.Departed).ToList();
        Assert.True(departures.Count(a => a.At < TenMinutes / 2) > departures.Count / 2);
    }

    [Fact]
    public void Someone_on_the_way_who_then_departs_says_so_in_that_order()
    {
        var plan = DrillPlan.Make(Citizens(500), TenMinutes, closeCrossing: false, seed: 11);

        foreach (var answers in plan.Answers.GroupBy(a => a.CitizenId).Where(g => g.Count() == 2))
        {
            Assert.Equal(JourneyStatus.OnTheWay, answers.First().Meaning);
        }
    }

    [Fact]
    public void Reminders_go_out_at_quarters_the_silent_are_escalated_near_the_end_and_a_crossing_closes_halfway_when_asked()
    {
        var plan = DrillPlan.Make(Citizens(10), TenMinutes, closeCrossing: true, seed: 1);

        Assert.Equal([TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(7.5)], plan.ReminderRounds);
        Assert.Equal(TimeSpan.FromMinutes(9), plan.EscalateAt);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.CrossingClosesAt);
        Assert.Null(DrillPlan.Make(Citizens(10), TenMinutes, closeCrossing: false, seed: 1).CrossingClosesAt);
    }

    [Fact]
    public void The_same_seed_gives_the_same_drill()
    {
        var citizens = Citizens(200);

        Assert.Equal(DrillPlan.Make(citizens, TenMinutes, false, 5).Answers, DrillPlan.Make(citizens, TenMinutes, false, 5).Answers);
    }

    [Fact]
    public void Every_simulated_text_means_what_the_drill_says_it_means()
    {
        var misread = DrillAnswerTexts.All
            .Where(t => ReplyParser.Parse(t.Text) != ReplyMeaning.Of(t.Status))
            .Select(t => $"{t.Language} '{t.Text}': {ReplyParser.Parse(t.Text)}, not {t.Status}")
            .ToList();

        Assert.Empty(misread);
    }
}
