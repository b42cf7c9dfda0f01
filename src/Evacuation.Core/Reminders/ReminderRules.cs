using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Reminders;

/// <summary>
/// Who is reminded, with what, and when patience runs out. The sweep asks these questions of every citizen; the
/// reply handling calls <see cref="CitizenReplied"/> so that an answer, any answer, starts the count again.
/// </summary>
public static class ReminderRules
{
    /// <summary>The reminder a citizen in <paramref name="status"/> gets, or null for those we do not remind.</summary>
    /// <remarks>
    /// Departed and Staying have told us their decision; NeedsHelp goes to a person on the call list instead of
    /// receiving more automatic messages.
    /// </remarks>
    public static BuiltInTemplate? TemplateFor(JourneyStatus status) => status switch
    {
        JourneyStatus.Unconfirmed => BuiltInTemplate.Reminder,
        JourneyStatus.OnTheWay => BuiltInTemplate.OnTheWayReminder,
        _ => null,
    };

    /// <summary>
    /// How long after the last message a citizen in <paramref name="status"/> may be reminded again: someone on
    /// the road is asked "have you crossed?" less often than someone who has not answered at all.
    /// </summary>
    public static TimeSpan IntervalFor(JourneyStatus status, TimeSpan unconfirmed, TimeSpan onTheWay) =>
        status == JourneyStatus.OnTheWay ? onTheWay : unconfirmed;

    /// <summary>True when <paramref name="remindersSent"/> unanswered reminders are enough to hand the citizen to a person.</summary>
    public static bool IsEscalationDue(int remindersSent, int maxReminders) => remindersSent >= maxReminders;

    /// <summary>
    /// The sweep may remind a citizen last contacted at <paramref name="lastContactAt"/> once
    /// <paramref name="interval"/> has passed; someone never contacted is not reminded (they were never advised).
    /// </summary>
    public static bool IsDue(DateTime? lastContactAt, TimeSpan interval, DateTime now) =>
        lastContactAt is { } last && last <= now - interval;

    /// <summary>
    /// Any reply from the citizen resets their reminder count and takes them off the call list: they are talking
    /// to us again, so patience starts over.
    /// </summary>
    public static void CitizenReplied(Citizen citizen)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        citizen.RemindersSent = 0;
        citizen.EscalatedAt = null;
    }
}
