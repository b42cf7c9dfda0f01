using System.Globalization;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Evacuation.Core.Routes;
using Evacuation.Core.Texts;

namespace Evacuation.Core.CheckIn;

/// <summary>
/// What a citizen's check-in page says, in their language, as the registry and the crossings stand now: the
/// greeting, the advice, their crossing with directions, status and map links, what we have on record, and (after a
/// press) the same acknowledgement a reply gets. The service turns it into HTML; nothing here knows about HTTP.
/// </summary>
public sealed record CheckInPage(
    string Language,
    bool RightToLeft,
    CheckInTexts Words,
    string Greeting,
    string Advice,
    CheckInCrossing? Crossing,
    string Recorded,
    IReadOnlyList<string> Buttons,
    string Hotline,
    string? Acknowledgement,
    string? Notice,
    bool OptedOut)
{
    /// <summary>
    /// The page for <paramref name="citizen"/>; <paramref name="pressed"/> is the status a press just recorded (its
    /// acknowledgement is shown), <paramref name="notice"/> a line such as "nothing was saved, press again".
    /// </summary>
    public static CheckInPage For(Citizen citizen, CrossingsFile crossings, CrossingAssignment places, Signature signature, JourneyStatus? pressed = null, string? notice = null)
    {
        var wording = Wordings.For(citizen.Language);
        var words = wording.CheckIn;
        var first = FirstName(citizen.Name);
        var crossing = citizen.AssignedCrossing is { } id && crossings.TryFindCrossing(id, out var found) ? found : null;
        return new CheckInPage(
            wording.Language,
            wording.Language == Citizens.Language.Hebrew,
            words,
            first.Length == 0 ? words.GreetingNoName : words.Greeting(first),
            AdviceFor(citizen, crossing, crossings, words),
            crossing is null ? null : CheckInCrossing.Of(crossing, places.OriginOf(citizen), wording),
            citizen.Status == JourneyStatus.Unconfirmed ? words.NoAnswerYet : wording.ReplyCodeLabels[CodeOf(citizen.Status) - 1],
            words.Buttons,
            signature.HotlineIn(wording.Language),
            pressed is { } status ? Acknowledgements.For(ReplyMeaning.Of(status), wording.Language, signature) : null,
            notice,
            citizen.OptedOut);
    }

    /// <summary>The first word of the name, as people greet: "Olena" of "Olena Kovalenko".</summary>
    public static string FirstName(string name) =>
        name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..] ? first : "";

    static string AdviceFor(Citizen citizen, Crossing? crossing, CrossingsFile crossings, CheckInTexts words)
    {
        if (citizen.Status == JourneyStatus.Departed)
        {
            return words.AlreadyOut;
        }
        if (crossings.Crossings.All(c => c.Status == CrossingStatus.Closed))
        {
            return words.AllClosed;
        }
        return crossing is not null && crossing.Status != CrossingStatus.Closed ? words.LeaveNow : words.NoCrossingYet;
    }

    static int CodeOf(JourneyStatus status) => status switch
    {
        JourneyStatus.Departed => 1,
        JourneyStatus.OnTheWay => 2,
        JourneyStatus.Staying => 3,
        _ => 4,
    };
}

/// <summary>The citizen's crossing on the page: its name, the way there (with its advice), its status, and where it is for a map app.</summary>
public sealed record CheckInCrossing(string Name, string? Directions, string Status, string GeoUri, string MapUrl)
{
    public static CheckInCrossing Of(Crossing crossing, Origin? from, Wording wording)
    {
        var status = crossing.Status switch
        {
            CrossingStatus.Closed => wording.Directions.Closed,
            CrossingStatus.Congested => wording.Directions.Congested,
            _ => wording.CheckIn.Open,
        };
        var directions = from is { } origin ? RouteDirections.Describe(crossing, origin, wording.Language) : null;
        var (lat, lon) = (Coordinate(crossing.Location.Latitude), Coordinate(crossing.Location.Longitude));
        return new CheckInCrossing(
            crossing.DisplayName(wording.Language),
            directions,
            status,
            // RFC 5870: phones hand geo: links to the map app the citizen chose; the https link is for the rest.
            $"geo:{lat},{lon}",
            $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=14/{lat}/{lon}");
    }

    static string Coordinate(double degrees) => degrees.ToString("0.#####", CultureInfo.InvariantCulture);
}
