namespace Evacuation.Core.Routes;

/// <summary>A Ukrainian oblast or major city, with the point we route from when a citizen gave no location.</summary>
public sealed record Region(string Name, double Latitude, double Longitude, IReadOnlyList<string> Aliases)
{
    /// <summary>
    /// The place at <see cref="Latitude"/>/<see cref="Longitude"/> by language code, written as it follows "of the
    /// centre of" in that language (Russian and Ukrainian in the genitive: "Львова"), for "70 km west of central
    /// Lviv". A language without one says "of your region's centre".
    /// </summary>
    public IReadOnlyDictionary<string, string> Centre { get; init; } = new Dictionary<string, string>();
}
