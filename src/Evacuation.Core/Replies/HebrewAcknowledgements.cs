namespace Evacuation.Core.Replies;

/// <summary>Plural address throughout: the usual gender-neutral form in Hebrew public messages.</summary>
internal static class HebrewAcknowledgements
{
    public static AcknowledgementTexts Texts { get; } = new()
    {
        Departed = "תודה, רשמנו שיצאתם. שמרו על עצמכם.",
        OnTheWay = "תודה, רשמנו שאתם בדרך. סעו בזהירות, וכשתחצו את הגבול השיבו 1.",
        Staying = "רשמנו שאתם נשארים. אם תצטרכו עזרה, השיבו 4 בכל עת.",
        NeedsHelp = "קיבלנו את בקשת העזרה שלכם וניצור איתכם קשר בהקדם האפשרי. בסכנה מיידית התקשרו ל־112.",
        Route = "אלה הוראות המסלול העדכניות שלכם.",
        Stop = "לא תקבלו מאיתנו הודעות נוספות. כדי לחדש, השיבו START.",
        Start = "תקבלו מאיתנו הודעות שוב. כדי להפסיק, השיבו STOP.",
        LanguageChanged = "מעכשיו נכתוב לכם בעברית.",
        LanguageQuestion = "באיזו שפה לכתוב לכם? השיבו LANG en (English), LANG he (עברית), LANG ru (Русский) או LANG uk (Українська).",
        Join = "תודה, נרשמתם לקבלת הנחיות פינוי.",
        Unknown = "סליחה, לא הבנו את תשובתכם.",
    };
}
