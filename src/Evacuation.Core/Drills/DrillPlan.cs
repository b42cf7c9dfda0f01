using Evacuation.Core.Citizens;

namespace Evacuation.Core.Drills;

/// <summary>One simulated reply: when (from the drill's start), from whom, meaning what, in which words.</summary>
public sealed record DrillAnswer(TimeSpan At, Guid CitizenId, JourneyStatus Meaning, string Text);

/// <summary>
/// How a drill unfolds, decided up front from its seed: who answers what and when, when the reminder rounds go out,
/// when the silent are put on the call list and when a crossing closes. Most depart over the first minutes (early
/// answers are likelier), some say they are on the way first and depart later, a few stay, a few ask for help (some
/// of them on the way), and some never answer, so reminders go out and the call list fills.
/// </summary>
public sealed record DrillPlan(
    IReadOnlyList<DrillAnswer> Answers,
    IReadOnlyList<TimeSpan> ReminderRounds,
    TimeSpan EscalateAt,
    TimeSpan? CrossingClosesAt)
{
    /// <summary>Shares of the outcomes, in percent: the rest (15) never answer.</summary>
    public const int Departs = 45, OnTheWayThenDeparts = 20, OnTheWayOnly = 7, Stays = 6, NeedsHelp = 7;

    public static DrillPlan Make(IReadOnlyList<(Guid Id, string Language)> citizens, TimeSpan duration, bool closeCrossing, int seed)
    {
        var random = new Random(seed);
        var answers = new List<DrillAnswer>(citizens.Count * 2);
        foreach (var (id, language) in citizens)
        {
            var roll = random.Next(100);
            var first = duration * (0.03 + (0.72 * Math.Pow(random.NextDouble(), 2)));
            void Say(TimeSpan at, JourneyStatus status) => answers.Add(new DrillAnswer(at, id, status, DrillAnswerTexts.Pick(language, status, random)));
            if ((roll -= Departs) < 0)
            {
                Say(first, JourneyStatus.Departed);
            }
            else if ((roll -= OnTheWayThenDeparts) < 0)
            {
                Say(first, JourneyStatus.OnTheWay);
                Say(Min(first + (duration * (0.1 + (0.3 * random.NextDouble()))), duration * 0.95), JourneyStatus.Departed);
            }
            else if ((roll -= OnTheWayOnly) < 0)
            {
                Say(first, JourneyStatus.OnTheWay);
            }
            else if ((roll -= Stays) < 0)
            {
                Say(duration * (0.05 + (0.55 * random.NextDouble())), JourneyStatus.Staying);
            }
            else if ((roll -= NeedsHelp) < 0)
            {
                var stuck = duration * (0.1 + (0.7 * random.NextDouble()));
                if (random.Next(2) == 0)
                {
                    Say(stuck * 0.5, JourneyStatus.OnTheWay);
                }
                Say(stuck, JourneyStatus.NeedsHelp);
            }
            // else: silent throughout.
        }
        answers.Sort((a, b) => a.At.CompareTo(b.At));
        return new DrillPlan(answers, [duration * 0.25, duration * 0.5, duration * 0.75], duration * 0.9, closeCrossing ? duration * 0.5 : null);
    }

    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
