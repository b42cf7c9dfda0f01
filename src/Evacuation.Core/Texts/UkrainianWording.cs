using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Texts;

/// <summary>
/// Ukrainian (UCS-2, 70/67 characters a segment), polite "ви" throughout. A crossing's name follows "пункт пропуску"
/// as an apposition, so it needs no declension. ROUTE and STOP stay in Latin letters (see <see cref="ReplyCodeLine"/>).
/// </summary>
internal static class UkrainianWording
{
    static readonly string[] Codes = ["вже за кордоном", "в дорозі", "залишаюся", "потрібна допомога"];

    public static Wording Value { get; } = new()
    {
        Language = Language.Ukrainian,
        OwnName = "Українська",
        ReplyCodeLabels = Codes,
        ReplyCodeLine = $"Надішліть: 1 {Codes[0]}, 2 {Codes[1]}, 3 {Codes[2]}, 4 {Codes[3]}. ROUTE маршрут, STOP відписатися.",
        DefaultSender = "Евакуація",
        Opening = "{sender}: ",
        Hotline = number => $"Гаряча лінія: {number}.",
        AsOf = time => $"(станом на {time} за київським часом)",
        NearestCrossing = "найближчий відкритий пункт пропуску",
        Advisory = new(
            WithCrossing: "{sender}: Негайно залиште Україну через пункт пропуску {crossing}. {crossingDirections} {hotline} {replyCodes}",
            WithoutCrossing: "{sender}: Негайно залиште Україну через найближчий відкритий пункт пропуску до Польщі, Словаччини, Угорщини, Румунії або Молдови. {hotline} {replyCodes}"),
        RouteInstructions = new(
            WithCrossing: "{sender}: Ваш пункт пропуску {asOf}: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "{sender}: Прямуйте до найближчого відкритого пункту пропуску до Польщі, Словаччини, Угорщини, Румунії або Молдови. {replyCodes}"),
        Reminder = new(
            WithCrossing: "{sender}: Нагадуємо: залиште Україну зараз. Ваш пункт пропуску {asOf}: {crossing}. {crossingDirections} Повідомте, де ви. {replyCodes}",
            WithoutCrossing: "{sender}: Нагадуємо: залиште Україну зараз через найближчий відкритий пункт пропуску. Повідомте, де ви. {replyCodes}"),
        OnTheWayReminder = new(
            WithCrossing: "{sender}: Ви повідомили, що ви в дорозі. Ваш пункт пропуску {asOf}: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "{sender}: Ви повідомили, що ви в дорозі. Прямуйте до найближчого відкритого пункту пропуску. {replyCodes}"),
        RouteChangedClosed = closed => $"{{sender}}: Маршрут змінено {{asOf}}: пункт пропуску {closed} закрито. Новий пункт пропуску: {{crossing}}. {{crossingDirections}} {{replyCodes}}",
        RouteChangedCongested = congested => $"{{sender}}: Маршрут змінено {{asOf}}: на пункті пропуску {congested} великі черги. Новий пункт пропуску: {{crossing}}. {{crossingDirections}} {{replyCodes}}",
        WaitForInstructions = "{sender}: Зараз усі пункти пропуску на кордоні закриті. Не вирушайте до кордону. Залишайтеся в безпечному місці й чекайте: ми надішлемо новий маршрут, щойно пункт відкриється. Якщо ви в небезпеці, надішліть 4. {hotline} {replyCodes}",
        Acknowledgements = new()
        {
            Departed = "Дякуємо, ми зафіксували, що ви вже за кордоном. Бережіть себе.",
            OnTheWay = "Дякуємо, ми зафіксували, що ви в дорозі. Будьте обережні, а коли будете за кордоном, надішліть 1.",
            Staying = "Ми зафіксували, що ви залишаєтеся. Якщо знадобиться допомога, надішліть 4 будь-коли.",
            NeedsHelp = "Ми отримали ваш запит про допомогу і зв'яжемося з вами якнайшвидше. Якщо вам загрожує безпосередня небезпека, телефонуйте 112.",
            Route = "Ось ваш актуальний маршрут.",
            Stop = "Ви більше не отримуватимете від нас повідомлень. Щоб відновити, надішліть START.",
            Start = "Ви знову отримуватимете наші повідомлення. Щоб відписатися, надішліть STOP.",
            LanguageChanged = "Відтепер ми писатимемо вам українською.",
            LanguageQuestion = "Оберіть мову й надішліть: LANG uk — українська, LANG ru — російська, LANG en — англійська, LANG he — іврит.",
            Join = "Дякуємо, вас зареєстровано для отримання вказівок щодо евакуації. Ми ніколи не просимо грошей чи кодів.",
            Unknown = "Вибачте, ми не зрозуміли вашу відповідь.",
        },
        Directions = new()
        {
            FromYou = (inCountry, km, direction) => $"{inCountry}, за {km} км {direction} від вас (по прямій).",
            FromCentreOf = (inCountry, km, direction, centre) => $"{inCountry}, за {km} км {direction} від центру {centre} (по прямій).",
            FromYourRegion = (inCountry, km, direction) => $"{inCountry}, за {km} км {direction} від центру вашого регіону (по прямій).",
            CompassPoints = ["на північ", "на північний схід", "на схід", "на південний схід", "на південь", "на південний захід", "на захід", "на північний захід"],
            Countries = new Dictionary<string, string>
            {
                [BorderCountry.Poland] = "Польща",
                [BorderCountry.Slovakia] = "Словаччина",
                [BorderCountry.Hungary] = "Угорщина",
                [BorderCountry.Romania] = "Румунія",
                [BorderCountry.Moldova] = "Молдова",
            },
            InCountries = new Dictionary<string, string>
            {
                [BorderCountry.Poland] = "У Польщі",
                [BorderCountry.Slovakia] = "У Словаччині",
                [BorderCountry.Hungary] = "В Угорщині",
                [BorderCountry.Romania] = "У Румунії",
                [BorderCountry.Moldova] = "У Молдові",
            },
            VehiclesOnly = "Лише на транспорті, пішки не можна.",
            PedestriansOnly = "Лише пішки.",
            Congested = "Великі черги.",
            Closed = "Зараз закритий.",
        },
        LocationPrompt = "Надішліть нам свою геопозицію кнопкою нижче, і ми назвемо найближчий відкритий пункт пропуску.",
        NoLocationTelegram = "Ми ще не знаємо, де ви, тому не можемо назвати пункт пропуску. Надішліть геопозицію кнопкою нижче.",
        NoLocationSms = "Ми ще не знаємо, де ви, тому не можемо назвати пункт пропуску. Прямуйте до найближчого відкритого пункту пропуску до Польщі, Словаччини, Угорщини, Румунії або Молдови або надішліть геопозицію нашому боту в Телеграмі.",
        ContactQuestion = "Поділіться, будь ласка, номером телефону кнопкою нижче, щоб ми знайшли вашу реєстрацію.",
        Invitation = (sender, link) => $"{sender}: отримуйте вказівки щодо евакуації в Телеграмі: {link} Ми ніколи не просимо грошей чи кодів.",
        NeverAskForMoney = "Ми ніколи не просимо грошей чи кодів.",
        ShareLocationButton = "📍 Надіслати геопозицію",
        SharePhoneButton = "📱 Надіслати номер телефону",
        CheckIn = new()
        {
            Title = "Ваша сторінка евакуації",
            Greeting = name => $"Вітаємо, {name}.",
            GreetingNoName = "Вітаємо.",
            Intro = "Повідомте нам одним натисканням, де ви. Нікому не передавайте це посилання: будь-хто, хто його має, може відповісти замість вас.",
            AdviceHeading = "Що робити зараз",
            LeaveNow = "Негайно залиште Україну через ваш пункт пропуску.",
            NoCrossingYet = "Негайно залиште Україну через найближчий відкритий пункт пропуску до Польщі, Словаччини, Угорщини, Румунії або Молдови. Надішліть нам своє місцезнаходження нижче, і ми підберемо вам пункт пропуску.",
            AllClosed = "Зараз усі пункти пропуску закриті. Не вирушайте до кордону. Залишайтеся в безпечному місці: щойно пункт пропуску відкриється, він з'явиться на цій сторінці.",
            AlreadyOut = "Ви повідомили, що вже за межами України. Бережіть себе.",
            CrossingHeading = "Ваш пункт пропуску",
            Open = "Відкритий.",
            OpenInMap = "Відкрити в картах",
            RecordedHeading = "У нас записано:",
            NoAnswerYet = "відповіді ще немає",
            ButtonsHeading = "Повідомте, де ви",
            Buttons = ["Я вже за межами України", "Я в дорозі", "Я залишаюся", "Мені потрібна допомога"],
            ShareLocation = "Надіслати моє місцезнаходження",
            LocationNote = "Телефон спершу попросить дозволу. Місцезнаходження потрібне нам лише для вибору пункту пропуску.",
            LocationFailed = "Не вдалося визначити ваше місцезнаходження. Перевірте, чи ввімкнена геолокація, і спробуйте ще раз.",
            FormExpired = "Сторінка була відкрита надто довго, тому нічого не збережено. Будь ласка, натисніть ще раз.",
            FormRefused = "Це натискання надійшло не з цієї сторінки, тому нічого не збережено. Будь ласка, натисніть ще раз.",
            OptedOut = "Ви попросили більше не надсилати вам повідомлень. Відповіді на цій сторінці й далі записуються.",
            NotFound = "Це посилання не діє. Скористайтеся найновішим посиланням із наших повідомлень.",
            TooMany = "Забагато натискань поспіль. Зачекайте хвилину й спробуйте знову.",
            LinkLine = "Або дайте відповідь тут: {checkInLink}",
        },
    };
}
