using Evacuation.Core.Citizens;

namespace Evacuation.Core.Routes;

/// <summary>
/// Picks the crossing a citizen should head for: the nearest open one, measured as the crow flies
/// from their last shared location, else from their region's centre.
/// Statuses are read at each call, so an operator closing a crossing changes the next answer.
/// </summary>
public sealed class CrossingAssignment(IEnumerable<Crossing> crossings, RegionCatalog regions)
{
    /// <summary>A congested crossing wins only if it is at least this share nearer than the nearest open one...</summary>
    public const double CongestedMinShareNearer = 0.30;

    /// <summary>...and at least this many kilometres nearer.</summary>
    public const double CongestedMinKmNearer = 50;

    readonly IReadOnlyList<Crossing> crossings = crossings.ToList();

    public CrossingAssignment(CrossingsFile file)
        : this(file.Crossings, file.Regions)
    {
    }

    /// <summary>
    /// The crossing to send someone at <paramref name="from"/> to, or null when every crossing is closed.
    /// Rule: the nearest <see cref="CrossingStatus.Open"/> crossing. A <see cref="CrossingStatus.Congested"/>
    /// one is chosen instead only when it is clearly nearer: at least 30% and at least 50 km nearer than that
    /// open crossing (both, so a short hop never sends people into a queue and a long trip is not lengthened
    /// for a few percent), or when no crossing is open. <see cref="CrossingStatus.Closed"/> ones never.
    /// Ties go to the crossing listed first in the file.
    /// </summary>
    public Crossing? Choose(GeoPoint from)
    {
        var open = Nearest(CrossingStatus.Open, from);
        var congested = Nearest(CrossingStatus.Congested, from);
        if (open is null || congested is null)
        {
            return (open ?? congested)?.Crossing;
        }

        var saved = open.Value.DistanceKm - congested.Value.DistanceKm;
        var clearlyNearer = saved >= CongestedMinKmNearer && saved >= CongestedMinShareNearer * open.Value.DistanceKm;
        return clearlyNearer ? congested.Value.Crossing : open.Value.Crossing;
    }

    /// <summary>The crossing for a citizen known by an optional shared location and an optional region; null when neither places them or all crossings are closed.</summary>
    public Crossing? ChooseFor(double? latitude, double? longitude, string? region) =>
        StartingPoint(latitude, longitude, region) is { } from ? Choose(from) : null;

    public Crossing? ChooseFor(Citizen citizen) => ChooseFor(citizen.Latitude, citizen.Longitude, citizen.Region);

    /// <summary>
    /// Where we measure from: the shared location when it is a real point inside <see cref="ServiceArea"/>,
    /// else the centre of a known region, else null (the citizen waits until they share a location).
    /// </summary>
    public GeoPoint? StartingPoint(double? latitude, double? longitude, string? region) => OriginOf(latitude, longitude, region)?.Point;

    /// <summary>As <see cref="StartingPoint(double?, double?, string?)"/>, saying which of the two it is.</summary>
    public Origin? OriginOf(double? latitude, double? longitude, string? region)
    {
        if (latitude is { } lat && longitude is { } lon && double.IsFinite(lat) && double.IsFinite(lon) && ServiceArea.Contains(lat, lon))
        {
            return new Origin(new GeoPoint(lat, lon), null);
        }

        if (!string.IsNullOrWhiteSpace(region) && regions.TryFind(region, out var known))
        {
            return new Origin(new GeoPoint(known.Latitude, known.Longitude), known);
        }

        return null;
    }

    public Origin? OriginOf(Citizen citizen) => OriginOf(citizen.Latitude, citizen.Longitude, citizen.Region);

    public GeoPoint? StartingPoint(Citizen citizen) => StartingPoint(citizen.Latitude, citizen.Longitude, citizen.Region);

    (Crossing Crossing, double DistanceKm)? Nearest(CrossingStatus status, GeoPoint from)
    {
        (Crossing Crossing, double DistanceKm)? best = null;
        foreach (var crossing in crossings)
        {
            if (crossing.Status != status)
            {
                continue;
            }

            var distance = from.DistanceKmTo(crossing.Location);
            if (best is null || distance < best.Value.DistanceKm)
            {
                best = (crossing, distance);
            }
        }

        return best;
    }
}
