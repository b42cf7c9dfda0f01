using Evacuation.Core.Citizens;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// Hebrew (UCS-2, 70/67 characters a segment). Imperatives are in the plural, the usual gender-neutral form of
/// official notices. ROUTE and STOP stay in Latin letters: see <see cref="ReplyCodes"/>.
/// </summary>
internal static class HebrewWording
{
    public static Wording Value { get; } = new()
    {
        Language = Language.Hebrew,
        ReplyCodes = "השיבו: 1 יצאתי, 2 בדרך, 3 נשאר/ת, 4 צריך/ה עזרה. ROUTE למסלול, STOP להסרה.",
        NearestCrossing = "מעבר הגבול הפתוח הקרוב",
        Advisory = new(
            WithCrossing: "הודעה רשמית: צאו מאוקראינה מיד. סעו למעבר הגבול {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "הודעה רשמית: צאו מאוקראינה מיד. סעו למעבר הגבול הפתוח הקרוב. {replyCodes}"),
        RouteInstructions = new(
            WithCrossing: "הודעה רשמית: מעבר הגבול שלכם: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "הודעה רשמית: סעו למעבר הגבול הפתוח הקרוב לפולין, סלובקיה, הונגריה, רומניה או מולדובה. {replyCodes}"),
        Reminder = new(
            WithCrossing: "תזכורת רשמית: צאו מאוקראינה עכשיו. מעבר הגבול שלכם: {crossing}. {crossingDirections} האם יצאתם? {replyCodes}",
            WithoutCrossing: "תזכורת רשמית: צאו מאוקראינה עכשיו. סעו למעבר הגבול הפתוח הקרוב. האם יצאתם? {replyCodes}"),
        OnTheWayReminder = new(
            WithCrossing: "תזכורת רשמית: האם חציתם את הגבול? מעבר הגבול שלכם: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "תזכורת רשמית: האם חציתם את הגבול? סעו למעבר הגבול הפתוח הקרוב. {replyCodes}"),
        TypicalCrossing = "Krakovets-Korczowa",
        TypicalDirections = "כביש M10 מלביב, 70 ק\"מ מערבה. רכבים והולכי רגל.",
    };
}
