using System.Text;

namespace Evacuation.Core.Routes;

/// <summary>
/// One or two sentences telling a citizen where their crossing is, e.g.
/// "Shehyni–Medyka (Poland), about 80 km west of you. Pedestrians may cross. &lt;notes&gt;".
/// Used for the <c>{crossingDirections}</c> template placeholder and the answer to ROUTE.
/// </summary>
public static class RouteDirections
{
    /// <summary>
    /// Directions from <paramref name="from"/> to <paramref name="crossing"/> in <paramref name="language"/>
    /// (en, he, ru, uk; anything else gets English). The operators' notes are added as written.
    /// </summary>
    public static string Describe(Crossing crossing, GeoPoint from, string language)
    {
        var words = DirectionsPhrasebook.For(language);
        var direction = words.CompassPoints[(int)Compass.FromBearing(from.BearingTo(crossing.Location))];
        var km = RoundedKm(from.DistanceKmTo(crossing.Location));
        var text = new StringBuilder(words.Where(crossing.DisplayName(language), BorderCountry.Name(crossing.Country, language), km, direction));

        text.Append(' ').Append(crossing.PedestriansAllowed ? words.PedestriansMayCross : words.VehiclesOnly);
        if (crossing.Status == CrossingStatus.Congested)
        {
            text.Append(' ').Append(words.Congested);
        }
        else if (crossing.Status == CrossingStatus.Closed)
        {
            text.Append(' ').Append(words.Closed);
        }

        if (!string.IsNullOrWhiteSpace(crossing.Notes))
        {
            text.Append(' ').Append(crossing.Notes.Trim());
        }

        return text.ToString();
    }

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
