using Evacuation.Core.Broadcasts;
using Evacuation.Core.Routes;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Tests.Texts;

/// <summary>One text we send, named for a reader, and whether it can go by SMS (else it is Telegram-only).</summary>
public sealed record SentText(string Language, string Name, string Text, bool BySms);

/// <summary>
/// Every text we write to citizens: the fixed ones of each language, and the built-in messages rendered for every
/// shipped crossing from every shipped region and from a shared location, with and without a crossing.
/// </summary>
public static class EveryText
{
    public const string Sender = "Embassy of Israel";

    /// <summary>The longest sender name <c>Messages:SenderName</c> accepts (30 characters).</summary>
    public const string LongestSender = "Embassy of the State of Israel";

    public const string Hotline = "+380 44 000 0000";

    public static readonly DateTime At = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static readonly Signature Signed = new(Sender, new Dictionary<string, string>(), Hotline);

    public static readonly CrossingsFile File = CrossingsFile.Load(CrossingsFile.ShippedPath);

    public static IEnumerable<SentText> Fixed(Wording w)
    {
        SentText Sms(string name, string text) => new(w.Language, name, text, BySms: true);
        SentText Telegram(string name, string text) => new(w.Language, name, text, BySms: false);
        var a = w.Acknowledgements;
        return
        [
            Sms("reply codes", w.ReplyCodeLine),
            .. Enumerable.Range(1, 4).Select(code => Telegram($"button {code}", w.ButtonLabel(code))),
            Sms("answer: out of Ukraine (1)", a.Departed),
            Sms("answer: on the way (2)", a.OnTheWay),
            Sms("answer: staying (3)", a.Staying),
            Sms("answer: need help (4)", a.NeedsHelp),
            Sms("answer: ROUTE heading", a.Route),
            Sms("answer: STOP", a.Stop),
            Sms("answer: START", a.Start),
            Sms("answer: language changed", a.LanguageChanged),
            Sms("answer: which language", a.LanguageQuestion),
            Sms("answer: JOIN", a.Join),
            Sms("answer: not understood", a.Unknown),
            Telegram("enrolment: where are you", w.LocationPrompt),
            Telegram("ROUTE, location unknown (Telegram)", w.NoLocationTelegram),
            Sms("ROUTE, location unknown (SMS)", w.NoLocationSms),
            Telegram("enrolment: share your phone number", w.ContactQuestion),
            Sms("invitation to Telegram", w.Invitation(Sender, "https://t.me/evacuation_bot?start=AbCdEf0123456789_-xyz")),
            Sms("we never ask for money", w.NeverAskForMoney),
            Telegram("button: send location", w.ShareLocationButton),
            Telegram("button: send phone number", w.SharePhoneButton),
            Telegram("language button", w.OwnName),
            Sms("every crossing closed", WaitForInstructions.Text(w.Language, Signed, At)),
            .. CheckInPage(w),
        ];
    }

    public const string CheckInLink = "https://evac.example.org/c/0123456789abcdef0123456789abcdef";

    /// <summary>The check-in page's words (read in a browser, so not by SMS) and the SMS line that links to it.</summary>
    static IEnumerable<SentText> CheckInPage(Wording w)
    {
        SentText Page(string name, string text) => new(w.Language, "check-in page: " + name, text, BySms: false);
        var c = w.CheckIn;
        return
        [
            new(w.Language, "check-in link, at the end of built-in messages", MessageTemplate.Render(c.LinkLine, new MessageValues(w.Language) { Signature = Signed with { CheckInBaseUrl = "https://evac.example.org" }, CheckInToken = CheckInLink[^32..] }), BySms: true),
            Page("title", c.Title),
            Page("greeting", c.Greeting(w.Language switch { "he" => "אולנה", "ru" => "Елена", "uk" => "Олена", _ => "Olena" })),
            Page("greeting without a name", c.GreetingNoName),
            Page("introduction", c.Intro),
            Page("advice heading", c.AdviceHeading),
            Page("advice: leave by your crossing", c.LeaveNow),
            Page("advice: no crossing yet", c.NoCrossingYet),
            Page("advice: every crossing closed", c.AllClosed),
            Page("advice: already out", c.AlreadyOut),
            Page("crossing heading", c.CrossingHeading),
            Page("crossing open", c.Open),
            Page("map link", c.OpenInMap),
            Page("on record", c.RecordedHeading),
            Page("no answer yet", c.NoAnswerYet),
            Page("buttons heading", c.ButtonsHeading),
            .. c.Buttons.Select((label, i) => Page($"button {i + 1}", label)),
            Page("share my location", c.ShareLocation),
            Page("location note", c.LocationNote),
            Page("location failed", c.LocationFailed),
            Page("form too old", c.FormExpired),
            Page("form not from this page", c.FormRefused),
            Page("opted out", c.OptedOut),
            Page("link does not work (404)", c.NotFound),
            Page("too many presses (429)", c.TooMany),
        ];
    }

    /// <summary>Where a citizen may be measured from: each shipped region's centre, and a location shared in Kyiv.</summary>
    public static IEnumerable<Origin> Origins() =>
        File.Regions.Regions.Select(region => new Origin(new GeoPoint(region.Latitude, region.Longitude), region))
            .Append(new Origin(new GeoPoint(50.45, 30.52), null));

    /// <summary>Every built-in message, for every crossing and origin, and without a crossing.</summary>
    public static IEnumerable<SentText> Rendered(Wording w, Signature signature)
    {
        foreach (var template in Enum.GetValues<BuiltInTemplate>())
        {
            yield return new(w.Language, $"{template}, no crossing", BuiltInTemplates.Render(template, new MessageValues(w.Language) { Signature = signature, At = At }), true);
        }
        foreach (var crossing in File.Crossings.Where(c => c.Status != CrossingStatus.Closed))
        {
            foreach (var origin in Origins())
            {
                var values = ValuesFor(crossing, origin, w.Language, signature);
                foreach (var template in Enum.GetValues<BuiltInTemplate>())
                {
                    yield return new(w.Language, $"{template}, {crossing.Id} from {origin.Region?.Name ?? "a shared location"}", BuiltInTemplates.Render(template, values), true);
                }
            }
        }
        foreach (var left in File.Crossings)
        {
            var next = File.Crossings.First(c => c != left && c.Status == CrossingStatus.Open);
            var values = ValuesFor(next, Origins().First(), w.Language, signature);
            var closed = BuiltInTemplates.RouteChanged(left)[w.Language];
            yield return new(w.Language, $"route changed: {left.Id} closed", BroadcastText.Compose(BroadcastKind.RouteInstructions, closed, values), true);
        }
    }

    public static MessageValues ValuesFor(Crossing crossing, Origin origin, string language, Signature signature) =>
        new(language, "Olena", crossing.DisplayName(language), RouteDirections.Describe(crossing, origin, language))
        {
            Signature = signature,
            At = At,
        };
}
