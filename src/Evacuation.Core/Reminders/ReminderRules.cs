using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Reminders;

/// <summary>
/// Who is reminded, and with what. When a citizen is due and when patience runs out (<c>Reminders:MinimumInterval</c>,
/// <c>Reminders:OnTheWayInterval</c>, <c>Reminders:MaxReminders</c>) are asked of the whole registry at once, as
/// queries, by the service's reminder sweep.
/// </summary>
public static class ReminderRules
{
    /// <summary>
    /// The author of every reminder broadcast. A message of theirs counts as a reminder (<c>RemindersSent</c>) when it
    /// is sent, not when it is queued, so one that never left cannot put a citizen on the call list.
    /// </summary>
    public const string Author = "reminder-sweep";

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
}
