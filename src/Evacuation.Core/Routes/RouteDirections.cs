using System.Text;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Routes;

/// <summary>
/// Where a citizen's crossing is, for the <c>{crossingDirections}</c> placeholder, e.g. "In Poland, 70 km west of
/// central Lviv (straight line). Vehicles only. &lt;advice&gt; &lt;notes&gt;". It does not repeat the crossing's name,
/// which the message says just before. Honest about what it knows: the distance is a straight line, and it says
/// "of central Lviv" (not "of you") when it is measured from the citizen's region rather than their location.
/// </summary>
public static class RouteDirections
{
    /// <summary>
    /// Directions from <paramref name="from"/> to <paramref name="crossing"/> in <paramref name="language"/>
    /// (en, he, ru, uk; anything else gets English): the country, straight-line distance and compass point, who may
    /// cross when not everyone may, the status when it is not open, the file's advice in that language, and the
    /// operator's notes as written.
    /// </summary>
    public static string Describe(Crossing crossing, Origin from, string language)
    {
        var wording = Wordings.For(language);
        var words = wording.Directions;
        var direction = words.CompassPoints[(int)Compass.FromBearing(from.Point.BearingTo(crossing.Location))];
        var km = RoundedKm(from.Point.DistanceKmTo(crossing.Location));
        var inCountry = words.InCountries.TryGetValue(crossing.Country, out var country) ? country : crossing.Country;
        var text = new StringBuilder(from switch
        {
            { Region: null } => words.FromYou(inCountry, km, direction),
            { Region: { } region } when region.Centre.TryGetValue(wording.Language, out var centre) => words.FromCentreOf(inCountry, km, direction, centre),
            _ => words.FromYourRegion(inCountry, km, direction),
        });

        if (!crossing.PedestriansAllowed)
        {
            text.Append(' ').Append(words.VehiclesOnly);
        }
        else if (!crossing.VehiclesAllowed)
        {
            text.Append(' ').Append(words.PedestriansOnly);
        }

        if (crossing.Status == CrossingStatus.Congested)
        {
            text.Append(' ').Append(words.Congested);
        }
        else if (crossing.Status == CrossingStatus.Closed)
        {
            text.Append(' ').Append(words.Closed);
        }

        if (crossing.Advice.TryGetValue(wording.Language, out var advice))
        {
            text.Append(' ').Append(advice);
        }

        if (!string.IsNullOrWhiteSpace(crossing.Notes))
        {
            text.Append(' ').Append(crossing.Notes.Trim());
        }

        return text.ToString();
    }

    /// <summary>Directions from a location the citizen shared ("... of you").</summary>
    public static string Describe(Crossing crossing, GeoPoint from, string language) => Describe(crossing, new Origin(from, null), language);

    /// <summary>
    /// Straight-line distance is only a hint of the road distance, so we do not pretend to precision:
    /// whole km under 20, then steps of 5 under 100, then steps of 10. Never "0 km".
    /// </summary>
    public static int RoundedKm(double km)
    {
        var step = km switch
        {
            < 20 => 1,
            < 100 => 5,
            _ => 10,
        };
        var rounded = (int)(Math.Round(km / step, MidpointRounding.AwayFromZero) * step);
        return Math.Max(1, rounded);
    }
}
