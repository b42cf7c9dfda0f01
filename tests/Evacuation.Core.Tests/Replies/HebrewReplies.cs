namespace Evacuation.Core.Tests.Replies;

/// <summary>Hebrew phrasings and what they must mean (labels are <c>ReplyMeaning.ToString()</c>).</summary>
internal static class HebrewReplies
{
    public static IReadOnlyList<(string Text, string Expected)> Cases { get; } =
    [
        ("1", "Departed"),
        ("יצאתי", "Departed"),
        ("יצאנו!", "Departed"),
        ("ויצאנו בשלום, תודה", "Departed"),
        ("חצינו את הגבול", "Departed"),
        ("עזבנו את אוקראינה", "Departed"),
        ("אנחנו בפולין", "Departed"),
        ("יָצָאתִי", "Departed"),
        ("כבר יצאנו מאוקראינה 🙏", "Departed"),
        ("התפנינו אתמול", "Departed"),
        ("2", "OnTheWay"),
        ("בדרך", "OnTheWay"),
        ("אנחנו בדרך לגבול", "OnTheWay"),
        ("יוצאים עכשיו", "OnTheWay"),
        ("נוסעים", "OnTheWay"),
        ("יצאנו לדרך", "OnTheWay"),
        ("עומדים בתור במעבר", "OnTheWay"),
        ("3", "Staying"),
        ("נשאר", "Staying"),
        ("אנחנו נשארים בבית", "Staying"),
        ("לא עוזבים", "Staying"),
        ("4", "NeedsHelp"),
        ("עזרה", "NeedsHelp"),
        ("צריך עזרה דחוף", "NeedsHelp"),
        ("הצילו", "NeedsHelp"),
        ("אנחנו תקועים בגבול", "NeedsHelp"),
        ("יצאתי אבל אמא שלי צריכה עזרה", "NeedsHelp"),
        ("SOS", "NeedsHelp"),
        ("מסלול", "Route"),
        ("מה המסלול?", "Route"),
        ("עצור", "Stop"),
        ("הסר", "Stop"),
        ("תפסיקו לשלוח לי הודעות", "Stop"),
        ("התחל", "Start"),
        ("כן", "Start"),
        ("שפה עברית", "Language he"),
        ("LANG עברית", "Language he"),
        ("שפה", "Language"),
        ("תשנו את השפה לרוסית", "Language ru"),
        ("אנחנו כבר ברומניה", "Departed"),
        ("לא זזים מפה", "Staying"),
        ("תורידו אותי מהרשימה", "Stop"),
        ("הרשמה", "Join"),
        ("עוד לא יצאתי", "Unknown"),
        ("טרם יצאנו", "Unknown"),
        ("לא חצינו", "Unknown"),
        ("מה?", "Unknown"),
        ("לא צריך עזרה, תודה", "Unknown"),

        // A keyword with one letter dropped, doubled or swapped.
        ("יצאנוו", "Departed"),
        ("יצתאי", "Departed"),
        ("עזרהה", "NeedsHelp"),
        ("עזור לי", "NeedsHelp"),
        ("עוד לא יצתאי", "Unknown"),

        // Near misses: one letter from a keyword, but another word.
        ("עזה", "Unknown"),
        ("עזרא", "Unknown"),
        ("עצוב", "Unknown"),

        // Telegram-style commands, typed in a chat or an SMS.
        ("/עצור", "Stop"),
        ("/מסלול", "Route"),
        ("/עזרה", "NeedsHelp"),
        ("/help", "NeedsHelp"),
        ("/שפה עברית", "Language he"),
        ("/התחל", "Start"),

        // Out of the country, said otherwise.
        ("כבר לא באוקראינה", "Departed"),
        ("אנחנו כבר מחוץ לאוקראינה", "Departed"),
        ("אנחנו לא באוקראינה יותר", "Departed"),
        ("מחוץ למדינה", "Departed"),
        ("עוד לא מחוץ לאוקראינה", "Unknown"),
        ("עדיין באוקראינה", "Unknown"),
        ("אנחנו עדיין באוקראינה", "Unknown"),
        ("כבר לא באוקראינה אבל צריכים עזרה", "NeedsHelp"),
    ];
}
