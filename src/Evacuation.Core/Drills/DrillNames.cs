using Evacuation.Core.Citizens;

namespace Evacuation.Core.Drills;

/// <summary>Given and family names per language, written as each community writes them.</summary>
static class DrillNames
{
    static readonly Dictionary<string, (string[] Given, string[] Family)> ByLanguage = new()
    {
        [Language.Hebrew] = (
            ["נועה", "יעל", "תמר", "מיכל", "שירה", "אורי", "דוד", "יוסף", "איתי", "משה", "רחל", "אביגיל", "נתן", "אליהו", "חנה"],
            ["כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שפירא", "גולדברג", "רוזנברג", "קפלן", "אזולאי"]),
        [Language.Russian] = (
            ["Анна", "Мария", "Екатерина", "Ольга", "Наталья", "Дмитрий", "Алексей", "Сергей", "Михаил", "Игорь", "Ирина", "Павел", "Елена", "Борис"],
            ["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Коган", "Рабинович", "Гольдман", "Фельдман", "Новиков", "Морозов"]),
        [Language.Ukrainian] = (
            ["Олена", "Оксана", "Тетяна", "Ганна", "Ірина", "Андрій", "Олександр", "Богдан", "Тарас", "Юрій", "Марія", "Василь", "Софія", "Дмитро"],
            ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник", "Поліщук", "Савченко", "Руденко", "Бойко", "Лисенко"]),
        [Language.English] = (
            ["Sarah", "Rachel", "Daniel", "David", "Michael", "Emily", "Jonathan", "Rebecca", "Adam", "Leah", "Benjamin", "Hannah", "Joshua", "Naomi"],
            ["Cohen", "Levy", "Goldstein", "Miller", "Katz", "Shapiro", "Rosen", "Friedman", "Klein", "Weiss", "Stern", "Green"]),
    };

    public static string Pick(string language, Random random)
    {
        var (given, family) = ByLanguage[language];
        return $"{given[random.Next(given.Length)]} {family[random.Next(family.Length)]}";
    }
}
