using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Texts;

/// <summary>
/// Russian (UCS-2, 70/67 characters a segment), polite "вы" throughout. A crossing's name follows "пункт пропуска"
/// as an apposition, so it needs no declension; crossings are named as the signs on the Ukrainian side write them
/// (in Ukrainian), which is what a driver will see. ROUTE and STOP stay in Latin letters (see <see cref="ReplyCodeLine"/>).
/// </summary>
internal static class RussianWording
{
    static readonly string[] Codes = ["уже за границей", "в пути", "остаюсь", "нужна помощь"];

    public static Wording Value { get; } = new()
    {
        Language = Language.Russian,
        OwnName = "Русский",
        ReplyCodeLabels = Codes,
        ReplyCodeLine = $"Ответьте: 1 {Codes[0]}, 2 {Codes[1]}, 3 {Codes[2]}, 4 {Codes[3]}. ROUTE маршрут, STOP отписаться.",
        DefaultSender = "Эвакуация",
        Opening = "{sender}: ",
        Hotline = number => $"Горячая линия: {number}.",
        AsOf = time => $"(на {time} по киевскому времени)",
        NearestCrossing = "ближайший открытый пункт пропуска",
        Advisory = new(
            WithCrossing: "{sender}: Немедленно покиньте Украину через пункт пропуска {crossing}. {crossingDirections} {hotline} {replyCodes}",
            WithoutCrossing: "{sender}: Немедленно покиньте Украину через ближайший открытый пункт пропуска в Польшу, Словакию, Венгрию, Румынию или Молдову. {hotline} {replyCodes}"),
        RouteInstructions = new(
            WithCrossing: "{sender}: Ваш пункт пропуска {asOf}: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "{sender}: Следуйте к ближайшему открытому пункту пропуска в Польшу, Словакию, Венгрию, Румынию или Молдову. {replyCodes}"),
        Reminder = new(
            WithCrossing: "{sender}: Напоминаем: покиньте Украину сейчас. Ваш пункт пропуска {asOf}: {crossing}. {crossingDirections} Сообщите, где вы. {replyCodes}",
            WithoutCrossing: "{sender}: Напоминаем: покиньте Украину сейчас через ближайший открытый пункт пропуска. Сообщите, где вы. {replyCodes}"),
        OnTheWayReminder = new(
            WithCrossing: "{sender}: Вы сообщили, что вы в пути. Ваш пункт пропуска {asOf}: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "{sender}: Вы сообщили, что вы в пути. Следуйте к ближайшему открытому пункту пропуска. {replyCodes}"),
        RouteChangedClosed = closed => $"{{sender}}: Маршрут изменён {{asOf}}: пункт пропуска {closed} закрыт. Новый пункт пропуска: {{crossing}}. {{crossingDirections}} {{replyCodes}}",
        RouteChangedCongested = congested => $"{{sender}}: Маршрут изменён {{asOf}}: на пункте пропуска {congested} большие очереди. Новый пункт пропуска: {{crossing}}. {{crossingDirections}} {{replyCodes}}",
        WaitForInstructions = "{sender}: Сейчас все пункты пропуска на границе закрыты. Не выезжайте к границе. Оставайтесь в безопасном месте и ждите: мы пришлём новый маршрут, как только пункт откроется. Если вы в опасности, ответьте 4. {hotline} {replyCodes}",
        Acknowledgements = new()
        {
            Departed = "Спасибо, мы отметили, что вы уже за границей. Берегите себя.",
            OnTheWay = "Спасибо, мы отметили, что вы в пути. Будьте осторожны, а когда будете за границей, ответьте 1.",
            Staying = "Мы отметили, что вы остаётесь. Если понадобится помощь, ответьте 4 в любое время.",
            NeedsHelp = "Мы получили ваш запрос о помощи и свяжемся с вами как можно скорее. При непосредственной опасности звоните 112.",
            Route = "Вот ваш актуальный маршрут.",
            Stop = "Вы больше не будете получать от нас сообщения. Чтобы возобновить, ответьте START.",
            Start = "Вы снова будете получать наши сообщения. Чтобы отписаться, ответьте STOP.",
            LanguageChanged = "Теперь мы будем писать вам по-русски.",
            LanguageQuestion = "Выберите язык и ответьте: LANG ru — русский, LANG uk — украинский, LANG en — английский, LANG he — иврит.",
            Join = "Спасибо, вы зарегистрированы и будете получать указания по эвакуации. Мы никогда не просим денег или кодов.",
            Unknown = "Извините, мы не поняли ваш ответ.",
        },
        Directions = new()
        {
            FromYou = (inCountry, km, direction) => $"{inCountry}, в {km} км {direction} от вас (по прямой).",
            FromCentreOf = (inCountry, km, direction, centre) => $"{inCountry}, в {km} км {direction} от центра {centre} (по прямой).",
            FromYourRegion = (inCountry, km, direction) => $"{inCountry}, в {km} км {direction} от центра вашего региона (по прямой).",
            CompassPoints = ["к северу", "к северо-востоку", "к востоку", "к юго-востоку", "к югу", "к юго-западу", "к западу", "к северо-западу"],
            Countries = new Dictionary<string, string>
            {
                [BorderCountry.Poland] = "Польша",
                [BorderCountry.Slovakia] = "Словакия",
                [BorderCountry.Hungary] = "Венгрия",
                [BorderCountry.Romania] = "Румыния",
                [BorderCountry.Moldova] = "Молдова",
            },
            InCountries = new Dictionary<string, string>
            {
                [BorderCountry.Poland] = "В Польше",
                [BorderCountry.Slovakia] = "В Словакии",
                [BorderCountry.Hungary] = "В Венгрии",
                [BorderCountry.Romania] = "В Румынии",
                [BorderCountry.Moldova] = "В Молдове",
            },
            VehiclesOnly = "Только на транспорте, пешком нельзя.",
            PedestriansOnly = "Только пешком.",
            Congested = "Большие очереди.",
            Closed = "Сейчас закрыт.",
        },
        LocationPrompt = "Отправьте нам свою геопозицию кнопкой ниже, и мы назовём ближайший открытый пункт пропуска.",
        NoLocationTelegram = "Мы пока не знаем, где вы, поэтому не можем назвать пункт пропуска. Отправьте геопозицию кнопкой ниже.",
        NoLocationSms = "Мы пока не знаем, где вы, поэтому не можем назвать пункт пропуска. Следуйте к ближайшему открытому пункту пропуска в Польшу, Словакию, Венгрию, Румынию или Молдову или отправьте геопозицию нашему боту в Телеграме.",
        ContactQuestion = "Поделитесь, пожалуйста, номером телефона кнопкой ниже, чтобы мы нашли вашу регистрацию.",
        Invitation = (sender, link) => $"{sender}: получайте указания по эвакуации в Телеграме: {link} Мы никогда не просим денег или кодов.",
        NeverAskForMoney = "Мы никогда не просим денег или кодов.",
        ShareLocationButton = "📍 Отправить геопозицию",
        SharePhoneButton = "📱 Отправить номер телефона",
        CheckIn = new()
        {
            Title = "Ваша страница эвакуации",
            Greeting = name => $"Здравствуйте, {name}.",
            GreetingNoName = "Здравствуйте.",
            Intro = "Сообщите нам одним нажатием, где вы. Никому не передавайте эту ссылку: любой, у кого она есть, может ответить за вас.",
            AdviceHeading = "Что делать сейчас",
            LeaveNow = "Немедленно покиньте Украину через ваш пункт пропуска.",
            NoCrossingYet = "Немедленно покиньте Украину через ближайший открытый пункт пропуска в Польшу, Словакию, Венгрию, Румынию или Молдову. Отправьте нам своё местоположение ниже, и мы подберём вам пункт пропуска.",
            AllClosed = "Сейчас все пункты пропуска закрыты. Не выезжайте к границе. Оставайтесь в безопасном месте: как только откроется пункт пропуска, он появится на этой странице.",
            AlreadyOut = "Вы сообщили, что уже за пределами Украины. Берегите себя.",
            CrossingHeading = "Ваш пункт пропуска",
            Open = "Открыт.",
            OpenInMap = "Открыть в картах",
            RecordedHeading = "У нас записано:",
            NoAnswerYet = "ответа пока нет",
            ButtonsHeading = "Сообщите, где вы",
            Buttons = ["Я уже за пределами Украины", "Я в пути", "Я остаюсь", "Мне нужна помощь"],
            ShareLocation = "Отправить моё местоположение",
            LocationNote = "Телефон сначала спросит разрешения. Местоположение нужно нам только для выбора пункта пропуска.",
            LocationFailed = "Не удалось определить ваше местоположение. Проверьте, включена ли геолокация, и попробуйте ещё раз.",
            FormExpired = "Страница была открыта слишком долго, поэтому ничего не сохранено. Пожалуйста, нажмите ещё раз.",
            FormRefused = "Это нажатие пришло не с этой страницы, поэтому ничего не сохранено. Пожалуйста, нажмите ещё раз.",
            OptedOut = "Вы попросили больше не присылать вам сообщений. Ответы на этой странице по-прежнему записываются.",
            NotFound = "Эта ссылка не действует. Воспользуйтесь самой новой ссылкой из наших сообщений.",
            TooMany = "Слишком много нажатий подряд. Подождите минуту и попробуйте снова.",
            LinkLine = "Или ответьте здесь: {checkInLink}",
        },
    };
}
