namespace Evacuation.Core.Texts;

/// <summary>
/// The words of <see cref="Routes.RouteDirections"/> in one language: where the crossing is, how far, which way,
/// who may cross. Short on purpose: they end up in SMS.
/// </summary>
public sealed record DirectionWords
{
    /// <summary>(in the country, km, compass point) → "In Poland, 55 km west of you (straight line)."</summary>
    public required Func<string, int, string, string> FromYou { get; init; }

    /// <summary>(in the country, km, compass point, centre) → "In Poland, 70 km west of central Lviv (straight line)."</summary>
    public required Func<string, int, string, string, string> FromCentreOf { get; init; }

    /// <summary>For a region whose centre has no name in this language: "... of the centre of your region ...".</summary>
    public required Func<string, int, string, string> FromYourRegion { get; init; }

    /// <summary>In <see cref="Routes.CompassPoint"/> order: N, NE, E, SE, S, SW, W, NW.</summary>
    public required IReadOnlyList<string> CompassPoints { get; init; }

    /// <summary>Country code → its name ("Poland").</summary>
    public required IReadOnlyDictionary<string, string> Countries { get; init; }

    /// <summary>Country code → "in" that country, as a sentence opens ("In Poland", "У Польщі", "בפולין").</summary>
    public required IReadOnlyDictionary<string, string> InCountries { get; init; }

    /// <summary>A crossing closed to people on foot. Nothing is said when both cars and pedestrians may cross.</summary>
    public required string VehiclesOnly { get; init; }

    /// <summary>A crossing closed to vehicles ("pedestrians only").</summary>
    public required string PedestriansOnly { get; init; }

    public required string Congested { get; init; }

    public required string Closed { get; init; }
}
