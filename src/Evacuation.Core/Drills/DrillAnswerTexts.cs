using Evacuation.Core.Citizens;

namespace Evacuation.Core.Drills;

/// <summary>What simulated citizens write, per language: a reply code, or words as people type them.</summary>
static class DrillAnswerTexts
{
    static readonly Dictionary<(string Language, JourneyStatus Status), string[]> Texts = new()
    {
        [(Language.English, JourneyStatus.Departed)] = ["1", "1", "I have left", "We crossed the border, thanks", "out of Ukraine"],
        [(Language.English, JourneyStatus.OnTheWay)] = ["2", "2", "on my way", "leaving now with the kids"],
        [(Language.English, JourneyStatus.Staying)] = ["3", "staying", "we are not leaving"],
        [(Language.English, JourneyStatus.NeedsHelp)] = ["4", "need help", "help, we are stuck"],
        [(Language.Hebrew, JourneyStatus.Departed)] = ["1", "1", "יצאנו", "עברנו את הגבול", "הגענו לפולין"],
        [(Language.Hebrew, JourneyStatus.OnTheWay)] = ["2", "2", "בדרך", "יוצאים עכשיו"],
        [(Language.Hebrew, JourneyStatus.Staying)] = ["3", "נשארים"],
        [(Language.Hebrew, JourneyStatus.NeedsHelp)] = ["4", "צריכים עזרה", "הצילו"],
        [(Language.Russian, JourneyStatus.Departed)] = ["1", "1", "уехали", "пересекли границу", "мы уже в Польше"],
        [(Language.Russian, JourneyStatus.OnTheWay)] = ["2", "2", "в пути", "выезжаем"],
        [(Language.Russian, JourneyStatus.Staying)] = ["3", "остаёмся"],
        [(Language.Russian, JourneyStatus.NeedsHelp)] = ["4", "нужна помощь", "помогите"],
        [(Language.Ukrainian, JourneyStatus.Departed)] = ["1", "1", "виїхали", "перетнули кордон", "ми вже в Польщі"],
        [(Language.Ukrainian, JourneyStatus.OnTheWay)] = ["2", "2", "в дорозі", "виїжджаємо"],
        [(Language.Ukrainian, JourneyStatus.Staying)] = ["3", "залишаємось"],
        [(Language.Ukrainian, JourneyStatus.NeedsHelp)] = ["4", "потрібна допомога", "допоможіть"],
    };

    public static string Pick(string language, JourneyStatus status, Random random)
    {
        var choices = Texts[(Language.All.Contains(language) ? language : Language.English, status)];
        return choices[random.Next(choices.Length)];
    }

    /// <summary>Every text, for the test that reads each one with the reply parser.</summary>
    public static IEnumerable<(string Language, JourneyStatus Status, string Text)> All =>
        Texts.SelectMany(t => t.Value.Select(text => (t.Key.Language, t.Key.Status, text)));
}
