using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Host.Routes;

/// <summary>
/// Stores on each citizen the crossing they should head for (<see cref="Citizen.AssignedCrossing"/> and the time it
/// was chosen), by <see cref="CrossingAssignment"/>'s rule: from their shared location, else their region's centre.
/// Statuses are the live ones, so a closure changes every later assignment at once.
/// </summary>
public sealed class CrossingPlanner(CrossingsFile crossings)
{
    readonly CrossingAssignment assignment = new(crossings);

    public CrossingsFile Crossings => crossings;

    public CrossingAssignment Assignment => assignment;

    /// <summary>Places a batch (an import's 1,000 rows): each region's crossing is worked out once per batch.</summary>
    public void AssignAll(IEnumerable<Citizen> citizens, DateTime now)
    {
        var choices = new Choices(assignment);
        foreach (var citizen in citizens)
        {
            Place(citizen, now, choices);
        }
    }

    /// <summary>
    /// A citizen we cannot place (no usable location, unknown region) keeps what they had; one we can place while every
    /// crossing is closed gets none.
    /// </summary>
    static void Place(Citizen citizen, DateTime now, Choices choices)
    {
        if (choices.TryChoose(citizen.Latitude, citizen.Longitude, citizen.Region, out var crossing))
        {
            citizen.AssignedCrossing = crossing?.Id;
            citizen.AssignedCrossingAt = now;
        }
    }

    /// <summary>Chooses crossings for many citizens, remembering each region's answer (most citizens share no location).</summary>
    public sealed class Choices(CrossingAssignment assignment)
    {
        readonly Dictionary<string, Crossing?> byRegion = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>False when the citizen cannot be placed at all; else <paramref name="crossing"/> (null when every crossing is closed).</summary>
        public bool TryChoose(double? latitude, double? longitude, string? region, out Crossing? crossing)
        {
            crossing = null;
            var from = assignment.StartingPoint(latitude, longitude, region);
            if (from is null)
            {
                return false;
            }
            var sharedLocation = latitude is not null && longitude is not null && from.Value == new GeoPoint(latitude.Value, longitude.Value);
            if (sharedLocation)
            {
                crossing = assignment.Choose(from.Value);
                return true;
            }
            if (!byRegion.TryGetValue(region!, out crossing))
            {
                crossing = assignment.Choose(from.Value);
                byRegion[region!] = crossing;
            }
            return true;
        }
    }
}
