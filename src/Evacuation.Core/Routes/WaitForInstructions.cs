using Evacuation.Core.Citizens;

namespace Evacuation.Core.Routes;

/// <summary>
/// What citizens are told when every crossing is closed and none can be given to them. Sent as written (no
/// placeholders); kept short and GSM-7-friendly in English so it fits one SMS.
/// </summary>
public static class WaitForInstructions
{
    public static IReadOnlyDictionary<string, string> Texts { get; } = new Dictionary<string, string>
    {
        [Language.English] = "All border crossings are closed right now. Do not set out for the border. Stay somewhere safe and wait: we will send you a new route as soon as a crossing opens.",
        [Language.Hebrew] = "כל מעברי הגבול סגורים כעת. אל תצאו לכיוון הגבול. הישארו במקום בטוח והמתינו: נשלח לכם מסלול חדש ברגע שמעבר ייפתח.",
        [Language.Russian] = "Сейчас все пункты пропуска на границе закрыты. Не выезжайте к границе. Оставайтесь в безопасном месте и ждите: мы пришлём новый маршрут, как только пункт откроется.",
        [Language.Ukrainian] = "Зараз усі пункти пропуску на кордоні закриті. Не вирушайте до кордону. Залишайтеся в безпечному місці й чекайте: ми надішлемо новий маршрут, щойно пункт відкриється.",
    };
}
