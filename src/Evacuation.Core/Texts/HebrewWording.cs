using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Texts;

/// <summary>
/// Hebrew (UCS-2, 70/67 characters a segment). Every sentence addresses the reader in the plural, the usual
/// gender-neutral form of official notices. ROUTE, STOP and LANG stay in Latin letters (see
/// <see cref="ReplyCodeLine"/>). Bidirectional text: every message opens with a right-to-left mark (U+200F), so a
/// sender name or code in Latin letters at the start cannot turn the paragraph left-to-right; phone numbers sit
/// between left-to-right marks (U+200E), so "+" stays in front of the digits; the LANG choices stand one per line,
/// Hebrew first, so each line reads in order.
/// </summary>
internal static class HebrewWording
{
    static readonly string[] Codes = ["מחוץ לאוקראינה", "בדרך", "נשארים", "צריכים עזרה"];

    public static Wording Value { get; } = new()
    {
        Language = Language.Hebrew,
        OwnName = "עברית",
        ReplyCodeLabels = Codes,
        ReplyCodeLine = $"השיבו: 1 {Codes[0]}, 2 {Codes[1]}, 3 {Codes[2]}, 4 {Codes[3]}. ROUTE למסלול, STOP להסרה.",
        DefaultSender = "הודעת פינוי",
        Opening = "\u200F{sender}: ",
        Hotline = number => $"קו חם: \u200E{number}\u200E.",
        AsOf = time => $"(נכון לשעה {time} לפי שעון קייב)",
        NearestCrossing = "מעבר הגבול הפתוח הקרוב",
        Advisory = new(
            WithCrossing: "\u200F{sender}: צאו מאוקראינה מיד דרך מעבר הגבול {crossing}. {crossingDirections} {hotline} {replyCodes}",
            WithoutCrossing: "\u200F{sender}: צאו מאוקראינה מיד דרך מעבר הגבול הפתוח הקרוב לפולין, סלובקיה, הונגריה, רומניה או מולדובה. {hotline} {replyCodes}"),
        RouteInstructions = new(
            WithCrossing: "\u200F{sender}: מעבר הגבול שלכם {asOf}: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "\u200F{sender}: סעו למעבר הגבול הפתוח הקרוב לפולין, סלובקיה, הונגריה, רומניה או מולדובה. {replyCodes}"),
        Reminder = new(
            WithCrossing: "\u200F{sender}: תזכורת: צאו מאוקראינה עכשיו. מעבר הגבול שלכם {asOf}: {crossing}. {crossingDirections} עדכנו אותנו היכן אתם. {replyCodes}",
            WithoutCrossing: "\u200F{sender}: תזכורת: צאו מאוקראינה עכשיו דרך מעבר הגבול הפתוח הקרוב. עדכנו אותנו היכן אתם. {replyCodes}"),
        OnTheWayReminder = new(
            WithCrossing: "\u200F{sender}: מסרתם שאתם בדרך. מעבר הגבול שלכם {asOf}: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "\u200F{sender}: מסרתם שאתם בדרך. סעו למעבר הגבול הפתוח הקרוב. {replyCodes}"),
        RouteChangedClosed = closed => $"\u200F{{sender}}: שינוי מסלול {{asOf}}: מעבר {closed} נסגר. סעו למעבר {{crossing}}. {{crossingDirections}} {{replyCodes}}",
        RouteChangedCongested = congested => $"\u200F{{sender}}: שינוי מסלול {{asOf}}: במעבר {congested} יש תורים ארוכים. סעו למעבר {{crossing}}. {{crossingDirections}} {{replyCodes}}",
        WaitForInstructions = "\u200F{sender}: כל מעברי הגבול סגורים כעת. אל תצאו לכיוון הגבול. הישארו במקום בטוח והמתינו: נשלח לכם מסלול חדש ברגע שמעבר ייפתח. אם אתם בסכנה, השיבו 4. {hotline} {replyCodes}",
        Acknowledgements = new()
        {
            Departed = "תודה, רשמנו שאתם מחוץ לאוקראינה. שמרו על עצמכם.",
            OnTheWay = "תודה, רשמנו שאתם בדרך. סעו בזהירות, וכשתהיו מחוץ לאוקראינה, השיבו 1.",
            Staying = "רשמנו שאתם נשארים. אם תצטרכו עזרה, השיבו 4 בכל עת.",
            NeedsHelp = "קיבלנו את בקשת העזרה שלכם וניצור איתכם קשר בהקדם האפשרי. בסכנה מיידית התקשרו ל־112.",
            Route = "אלה הוראות המסלול העדכניות שלכם.",
            Stop = "לא תקבלו מאיתנו הודעות נוספות. כדי לחדש, השיבו START.",
            Start = "תקבלו מאיתנו הודעות שוב. כדי להפסיק, השיבו STOP.",
            LanguageChanged = "מעכשיו נכתוב לכם בעברית.",
            LanguageQuestion = "בחרו שפה והשיבו:\nעברית – LANG he\nאנגלית – LANG en\nרוסית – LANG ru\nאוקראינית – LANG uk",
            Join = "תודה, נרשמתם לקבלת הנחיות פינוי. לעולם לא נבקש מכם כסף או קודים.",
            Unknown = "סליחה, לא הבנו את תשובתכם.",
        },
        Directions = new()
        {
            FromYou = (inCountry, km, direction) => $"{inCountry}, כ־{km} ק״מ מכם בקו אווירי, לכיוון {direction}.",
            FromCentreOf = (inCountry, km, direction, centre) => $"{inCountry}, כ־{km} ק״מ ממרכז {centre} בקו אווירי, לכיוון {direction}.",
            FromYourRegion = (inCountry, km, direction) => $"{inCountry}, כ־{km} ק״מ ממרכז האזור שלכם בקו אווירי, לכיוון {direction}.",
            CompassPoints = ["צפון", "צפון־מזרח", "מזרח", "דרום־מזרח", "דרום", "דרום־מערב", "מערב", "צפון־מערב"],
            Countries = new Dictionary<string, string>
            {
                [BorderCountry.Poland] = "פולין",
                [BorderCountry.Slovakia] = "סלובקיה",
                [BorderCountry.Hungary] = "הונגריה",
                [BorderCountry.Romania] = "רומניה",
                [BorderCountry.Moldova] = "מולדובה",
            },
            InCountries = new Dictionary<string, string>
            {
                [BorderCountry.Poland] = "בפולין",
                [BorderCountry.Slovakia] = "בסלובקיה",
                [BorderCountry.Hungary] = "בהונגריה",
                [BorderCountry.Romania] = "ברומניה",
                [BorderCountry.Moldova] = "במולדובה",
            },
            VehiclesOnly = "לרכבים בלבד.",
            PedestriansOnly = "להולכי רגל בלבד.",
            Congested = "מדווחים תורים ארוכים.",
            Closed = "סגור כעת.",
        },
        LocationPrompt = "שלחו לנו את המיקום שלכם בכפתור למטה, ונמסור לכם את מעבר הגבול הפתוח הקרוב.",
        NoLocationTelegram = "עדיין איננו יודעים היכן אתם, ולכן איננו יכולים לציין מעבר גבול. שלחו לנו את המיקום שלכם בכפתור למטה.",
        NoLocationSms = "עדיין איננו יודעים היכן אתם, ולכן איננו יכולים לציין מעבר גבול. סעו למעבר הגבול הפתוח הקרוב לפולין, סלובקיה, הונגריה, רומניה או מולדובה, או שלחו את המיקום שלכם לבוט שלנו בטלגרם.",
        ContactQuestion = "אנא שתפו את מספר הטלפון שלכם בכפתור למטה, כדי שנמצא את הרישום שלכם.",
        Invitation = (sender, link) => $"\u200F{sender}: קבלו את הנחיות הפינוי בטלגרם: {link} לעולם לא נבקש מכם כסף או קודים.",
        NeverAskForMoney = "לעולם לא נבקש מכם כסף או קודים.",
        ShareLocationButton = "📍 שליחת המיקום שלי",
        SharePhoneButton = "📱 שליחת מספר הטלפון שלי",
        CheckIn = new()
        {
            Title = "דף הפינוי שלכם",
            Greeting = name => $"שלום, {name}.",
            GreetingNoName = "שלום.",
            Intro = "ספרו לנו היכן אתם בלחיצה אחת. שמרו את הקישור לעצמכם: כל מי שמחזיק בו יכול להשיב בשמכם.",
            AdviceHeading = "מה לעשות עכשיו",
            LeaveNow = "צאו מאוקראינה מיד דרך מעבר הגבול שלכם.",
            NoCrossingYet = "צאו מאוקראינה מיד דרך מעבר הגבול הפתוח הקרוב לפולין, סלובקיה, הונגריה, רומניה או מולדובה. שתפו את המיקום שלכם למטה, ונבחר עבורכם מעבר גבול.",
            AllClosed = "כל מעברי הגבול סגורים כעת. אל תצאו לכיוון הגבול. הישארו במקום בטוח: הדף הזה יציג את מעבר הגבול החדש שלכם ברגע שמעבר ייפתח.",
            AlreadyOut = "מסרתם שאתם מחוץ לאוקראינה. שמרו על עצמכם.",
            CrossingHeading = "מעבר הגבול שלכם",
            Open = "פתוח.",
            OpenInMap = "פתיחה באפליקציית מפות",
            RecordedHeading = "מה שרשום אצלנו:",
            NoAnswerYet = "עדיין לא התקבלה תשובה",
            ButtonsHeading = "ספרו לנו היכן אתם",
            // First person without gender: past tense and impersonal forms read the same for a woman and a man.
            Buttons = ["יצאתי מאוקראינה", "אני בדרך", "החלטתי להישאר", "דרושה לי עזרה"],
            ShareLocation = "שליחת המיקום שלי",
            LocationNote = "הטלפון יבקש את אישורכם קודם. נשתמש במיקום רק כדי לבחור עבורכם מעבר גבול.",
            LocationFailed = "לא הצלחנו לקבל את המיקום שלכם. בדקו ששירותי המיקום מופעלים ונסו שוב.",
            FormExpired = "הדף היה פתוח זמן רב, ולכן דבר לא נשמר. לחצו שוב, בבקשה.",
            FormRefused = "הלחיצה לא הגיעה מהדף הזה, ולכן דבר לא נשמר. לחצו שוב, בבקשה.",
            OptedOut = "ביקשתם לא לקבל מאיתנו הודעות נוספות. התשובות בדף הזה עדיין נרשמות.",
            NotFound = "הקישור הזה אינו פעיל. השתמשו בקישור העדכני ביותר מההודעות שלנו.",
            TooMany = "יותר מדי לחיצות בבת אחת. המתינו דקה ונסו שוב.",
            LinkLine = "או השיבו כאן: {checkInLink}",
        },
    };
}
