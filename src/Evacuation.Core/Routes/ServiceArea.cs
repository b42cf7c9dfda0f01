namespace Evacuation.Core.Routes;

/// <summary>
/// A generous box around Ukraine and its neighbours. A shared location outside it is far more likely a
/// spoofed or broken GPS fix (0,0, swapped latitude and longitude) than a citizen we can route from,
/// so it is treated as no location at all. Crossings and region centres must lie inside it too.
/// </summary>
public static class ServiceArea
{
    public const double MinLatitude = 43.0;
    public const double MaxLatitude = 56.5;
    public const double MinLongitude = 14.0;
    public const double MaxLongitude = 42.0;

    public static bool Contains(double latitude, double longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;

    public static bool Contains(GeoPoint point) => Contains(point.Latitude, point.Longitude);
}
