using Evacuation.Core.Citizens;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// English. Every character here is in the GSM-7 alphabet (straight quotes, plain hyphens) so a message stays
/// at 160/153 characters a segment; with typical values each message fits in two segments.
/// </summary>
internal static class EnglishWording
{
    public static Wording Value { get; } = new()
    {
        Language = Language.English,
        ReplyCodes = "Reply 1 left Ukraine, 2 on my way, 3 staying, 4 need help. ROUTE for directions, STOP to opt out.",
        NearestCrossing = "the nearest open border crossing",
        Advisory = new(
            WithCrossing: "OFFICIAL: Leave Ukraine immediately. Go to the {crossing} border crossing. {crossingDirections} {replyCodes}",
            WithoutCrossing: "OFFICIAL: Leave Ukraine immediately. Head for the nearest open border crossing. {replyCodes}"),
        RouteInstructions = new(
            WithCrossing: "OFFICIAL: Your border crossing is {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "OFFICIAL: Head for the nearest open border crossing into Poland, Slovakia, Hungary, Romania or Moldova. {replyCodes}"),
        Reminder = new(
            WithCrossing: "OFFICIAL REMINDER: Leave Ukraine now. Your border crossing is {crossing}. {crossingDirections} Have you left? {replyCodes}",
            WithoutCrossing: "OFFICIAL REMINDER: Leave Ukraine now. Head for the nearest open border crossing. Have you left? {replyCodes}"),
        OnTheWayReminder = new(
            WithCrossing: "OFFICIAL REMINDER: Have you crossed the border? Your border crossing is {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "OFFICIAL REMINDER: Have you crossed the border? Head for the nearest open border crossing. {replyCodes}"),
        TypicalCrossing = "Krakovets-Korczowa",
        TypicalDirections = "M10 road from Lviv, 70 km west. Cars and pedestrians.",
    };
}
