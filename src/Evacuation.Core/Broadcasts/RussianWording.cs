using Evacuation.Core.Citizens;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// Russian (UCS-2, 70/67 characters a segment). The crossing name follows "пункт пропуска" as an apposition,
/// so it needs no declension. ROUTE and STOP stay in Latin letters: see <see cref="ReplyCodes"/>.
/// </summary>
internal static class RussianWording
{
    public static Wording Value { get; } = new()
    {
        Language = Language.Russian,
        ReplyCodes = "Ответьте: 1 уехал(а), 2 в пути, 3 остаюсь, 4 нужна помощь. ROUTE маршрут, STOP отписка.",
        NearestCrossing = "ближайший открытый пункт пропуска",
        Advisory = new(
            WithCrossing: "ОФИЦИАЛЬНО: Немедленно покиньте Украину. Следуйте на пункт пропуска {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "ОФИЦИАЛЬНО: Немедленно покиньте Украину. Следуйте на ближайший открытый пункт пропуска. {replyCodes}"),
        RouteInstructions = new(
            WithCrossing: "ОФИЦИАЛЬНО: Ваш пункт пропуска: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "ОФИЦИАЛЬНО: Следуйте на ближайший открытый пункт пропуска в Польшу, Словакию, Венгрию, Румынию или Молдову. {replyCodes}"),
        Reminder = new(
            WithCrossing: "НАПОМИНАНИЕ: Покиньте Украину сейчас. Ваш пункт пропуска: {crossing}. {crossingDirections} Вы уехали? {replyCodes}",
            WithoutCrossing: "НАПОМИНАНИЕ: Покиньте Украину сейчас. Следуйте на ближайший открытый пункт пропуска. Вы уехали? {replyCodes}"),
        OnTheWayReminder = new(
            WithCrossing: "НАПОМИНАНИЕ: Вы пересекли границу? Ваш пункт пропуска: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "НАПОМИНАНИЕ: Вы пересекли границу? Следуйте на ближайший открытый пункт пропуска. {replyCodes}"),
        TypicalCrossing = "Краковец-Корчова",
        TypicalDirections = "Трасса М10 от Львова, 70 км на запад. Авто и пешком.",
    };
}
