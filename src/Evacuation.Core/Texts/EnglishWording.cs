using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Texts;

/// <summary>
/// English. Everything sent by SMS is in the GSM-7 alphabet (straight quotes, ASCII hyphens), so a message costs
/// 160/153 characters a segment: an Advisory naming any shipped crossing fits two segments with a sender name of up
/// to 30 characters, three with a hotline. Only the Telegram-only button labels use emoji.
/// </summary>
internal static class EnglishWording
{
    static readonly string[] Codes = ["out of Ukraine", "on the way", "staying", "need help"];

    public static Wording Value { get; } = new()
    {
        Language = Language.English,
        OwnName = "English",
        ReplyCodeLabels = Codes,
        ReplyCodeLine = $"Reply 1 {Codes[0]}, 2 {Codes[1]}, 3 {Codes[2]}, 4 {Codes[3]}. ROUTE for directions, STOP to opt out.",
        DefaultSender = "Evacuation notice",
        Opening = "{sender}: ",
        Hotline = number => $"Hotline {number}.",
        AsOf = time => $"as of {time} Kyiv time",
        NearestCrossing = "the nearest open border crossing",
        Advisory = new(
            WithCrossing: "{sender}: Leave Ukraine now via the {crossing} crossing. {crossingDirections} {hotline} {replyCodes}",
            WithoutCrossing: "{sender}: Leave Ukraine now via the nearest open border crossing into Poland, Slovakia, Hungary, Romania or Moldova. {hotline} {replyCodes}"),
        RouteInstructions = new(
            WithCrossing: "{sender}: Your border crossing {asOf}: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "{sender}: Head for the nearest open border crossing into Poland, Slovakia, Hungary, Romania or Moldova. {replyCodes}"),
        Reminder = new(
            WithCrossing: "{sender}: Reminder: leave Ukraine now. Your border crossing {asOf}: {crossing}. {crossingDirections} Tell us where you are. {replyCodes}",
            WithoutCrossing: "{sender}: Reminder: leave Ukraine now via the nearest open border crossing. Tell us where you are. {replyCodes}"),
        OnTheWayReminder = new(
            WithCrossing: "{sender}: You told us you are on the way. Your border crossing {asOf}: {crossing}. {crossingDirections} {replyCodes}",
            WithoutCrossing: "{sender}: You told us you are on the way. Head for the nearest open border crossing. {replyCodes}"),
        RouteChangedClosed = closed => $"{{sender}}: Route changed {{asOf}}: {closed} is closed, go to {{crossing}}. {{crossingDirections}} {{replyCodes}}",
        RouteChangedCongested = congested => $"{{sender}}: Route changed {{asOf}}: {congested} has long queues, go to {{crossing}}. {{crossingDirections}} {{replyCodes}}",
        WaitForInstructions = "{sender}: All border crossings are closed right now. Do not set out for the border. Stay somewhere safe and wait: we will send you a new route as soon as a crossing opens. If you are in danger, reply 4. {hotline} {replyCodes}",
        Acknowledgements = new()
        {
            Departed = "Thank you, we have recorded that you are out of Ukraine. Stay safe.",
            OnTheWay = "Thank you, we have recorded that you are on the way. Travel safely, and reply 1 once you are out of Ukraine.",
            Staying = "We have recorded that you are staying. If you need help at any time, reply 4.",
            NeedsHelp = "We have received your request for help and will contact you as soon as possible. If you are in immediate danger, call 112.",
            Route = "Here is your current route.",
            Stop = "You will no longer receive messages from us. Reply START to receive them again.",
            Start = "You will receive our messages again. Reply STOP to stop them.",
            LanguageChanged = "From now on we will write to you in English.",
            LanguageQuestion = "Choose a language: reply LANG en for English, LANG he for Hebrew, LANG ru for Russian or LANG uk for Ukrainian.",
            Join = "Thank you, you are now registered to receive evacuation advice. We never ask for money or codes.",
            Unknown = "Sorry, we did not understand your reply.",
        },
        Directions = new()
        {
            FromYou = (inCountry, km, direction) => $"{inCountry}, {km} km {direction} of you (straight line).",
            FromCentreOf = (inCountry, km, direction, centre) => $"{inCountry}, {km} km {direction} of central {centre} (straight line).",
            FromYourRegion = (inCountry, km, direction) => $"{inCountry}, {km} km {direction} of your region's centre (straight line).",
            CompassPoints = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"],
            Countries = new Dictionary<string, string>
            {
                [BorderCountry.Poland] = "Poland",
                [BorderCountry.Slovakia] = "Slovakia",
                [BorderCountry.Hungary] = "Hungary",
                [BorderCountry.Romania] = "Romania",
                [BorderCountry.Moldova] = "Moldova",
            },
            InCountries = new Dictionary<string, string>
            {
                [BorderCountry.Poland] = "In Poland",
                [BorderCountry.Slovakia] = "In Slovakia",
                [BorderCountry.Hungary] = "In Hungary",
                [BorderCountry.Romania] = "In Romania",
                [BorderCountry.Moldova] = "In Moldova",
            },
            VehiclesOnly = "Vehicles only.",
            PedestriansOnly = "Pedestrians only.",
            Congested = "Long queues reported.",
            Closed = "Closed now.",
        },
        LocationPrompt = "Please send your location with the button below, so we can name the nearest open border crossing for you.",
        NoLocationTelegram = "We do not know where you are yet, so we cannot name a border crossing for you. Please send your location with the button below.",
        NoLocationSms = "We do not know where you are yet, so we cannot name a border crossing for you. Head for the nearest open one into Poland, Slovakia, Hungary, Romania or Moldova, or send your location to our Telegram bot.",
        ContactQuestion = "Please share your phone number with the button below so we can find your registration.",
        Invitation = (sender, link) => $"{sender}: get evacuation advice on Telegram: {link} We never ask for money or codes.",
        NeverAskForMoney = "We never ask for money or codes.",
        ShareLocationButton = "📍 Send my location",
        SharePhoneButton = "📱 Send my phone number",
        CheckIn = new()
        {
            Title = "Your evacuation page",
            Greeting = name => $"Hello, {name}.",
            GreetingNoName = "Hello.",
            Intro = "Tell us where you are with one press. Keep this link to yourself: anyone who has it can answer for you.",
            AdviceHeading = "What to do now",
            LeaveNow = "Leave Ukraine now by your border crossing.",
            NoCrossingYet = "Leave Ukraine now by the nearest open border crossing to Poland, Slovakia, Hungary, Romania or Moldova. Share your location below and we will choose your crossing.",
            AllClosed = "All border crossings are closed now. Do not set off for the border. Stay somewhere safe: this page will show your new crossing as soon as one opens.",
            AlreadyOut = "You told us you are out of Ukraine. Stay safe.",
            CrossingHeading = "Your border crossing",
            Open = "Open.",
            OpenInMap = "Open in a map app",
            RecordedHeading = "What we have on record:",
            NoAnswerYet = "no answer yet",
            ButtonsHeading = "Tell us where you are",
            Buttons = ["I have left Ukraine", "I am on my way", "I am staying", "I need help"],
            ShareLocation = "Share my location",
            LocationNote = "Your phone will ask you first. We use your location only to choose your crossing.",
            LocationFailed = "We could not get your location. Check that location is on, then try again.",
            FormExpired = "This page had been open for a long time, so nothing was saved. Please press again.",
            FormRefused = "That press did not come from this page, so nothing was saved. Please press again.",
            OptedOut = "You asked us to send no more messages. Answers on this page are still recorded.",
            NotFound = "This link does not work. Use the newest link in our messages.",
            TooMany = "Too many presses at once. Wait a minute, then try again.",
            LinkLine = "Or answer here: {checkInLink}",
        },
    };
}
