using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Routes;

/// <summary>Test data for routes: the shipped file, and small hand-made crossings.</summary>
internal static class Some
{
    /// <summary>A fresh copy of the shipped file each time, so tests may change statuses freely.</summary>
    public static CrossingsFile ShippedFile() => CrossingsFile.Load(CrossingsFile.ShippedPath);

    public static Crossing Crossing(string id, double latitude, double longitude, CrossingStatus status = CrossingStatus.Open) => new()
    {
        Id = id,
        UkrainianSide = id,
        OtherSide = id,
        Country = BorderCountry.Poland,
        Location = new GeoPoint(latitude, longitude),
        Status = status,
    };

    public static RegionCatalog NoRegions { get; } = new([]);
}
