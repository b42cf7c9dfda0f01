namespace Evacuation.Core.Routes;

/// <summary>A point on the Earth in decimal degrees (WGS 84, as phones and maps share them).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Mean Earth radius (IUGG), the usual choice for haversine distances.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>
    /// Great-circle distance by the haversine formula: straight "as the crow flies", not along roads.
    /// See https://www.movable-type.co.uk/scripts/latlong.html for the formula.
    /// </summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var lat1 = ToRadians(Latitude);
        var lat2 = ToRadians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(other.Longitude - Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2));
        // Clamp: rounding can push h a hair above 1 for antipodal points, and Asin would return NaN.
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    /// <summary>Initial bearing (forward azimuth) towards <paramref name="other"/>, in degrees clockwise from north, 0 to 360.</summary>
    public double BearingTo(GeoPoint other)
    {
        var lat1 = ToRadians(Latitude);
        var lat2 = ToRadians(other.Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var y = Math.Sin(dLon) * Math.Cos(lat2);
        var x = (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon));
        var degrees = Math.Atan2(y, x) * 180 / Math.PI;
        return (degrees + 360) % 360;
    }

    static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
