using Evacuation.Core.Citizens;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// Ukrainian (UCS-2, 70/67 characters a segment). The crossing name follows "пункту пропуску" as an apposition,
/// so it needs no declension. ROUTE and STOP stay in Latin letters: see <see cref="ReplyCodes"/>.
/// </summary>
internal static class UkrainianWording
{
    public static Wording Value { get; } = new()
    {
        Language = Language.Ukrainian,
        ReplyCodes = "Відповідайте: 1 виїхав(ла), 2 в дорозі, 3 залишаюся, 4 потрібна допомога. ROUTE маршрут, STOP відписка.",
        NearestCrossing = "найближчий відкритий пункт пропуску",
        Advisory = new(
            WithCrossing: "ОФІЦІЙНО: Негайно залиште Україну. Прямуйте до пункту пропуску {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "ОФІЦІЙНО: Негайно залиште Україну. Прямуйте до найближчого відкритого пункту пропуску. {replyCodes}"),
        RouteInstructions = new(
            WithCrossing: "ОФІЦІЙНО: Ваш пункт пропуску: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "ОФІЦІЙНО: Прямуйте до найближчого відкритого пункту пропуску до Польщі, Словаччини, Угорщини, Румунії або Молдови. {replyCodes}"),
        Reminder = new(
            WithCrossing: "НАГАДУВАННЯ: Залиште Україну зараз. Ваш пункт пропуску: {crossing}. {crossingDirections} Ви виїхали? {replyCodes}",
            WithoutCrossing: "НАГАДУВАННЯ: Залиште Україну зараз. Прямуйте до найближчого відкритого пункту пропуску. Ви виїхали? {replyCodes}"),
        OnTheWayReminder = new(
            WithCrossing: "НАГАДУВАННЯ: Ви перетнули кордон? Ваш пункт пропуску: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "НАГАДУВАННЯ: Ви перетнули кордон? Прямуйте до найближчого відкритого пункту пропуску. {replyCodes}"),
        TypicalCrossing = "Краковець-Корчова",
        TypicalDirections = "Траса М10 від Львова, 70 км на захід. Авто і пішки.",
    };
}
