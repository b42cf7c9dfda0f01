namespace Evacuation.Core.Routes;

/// <summary>The eight compass points we name in directions; finer points would not help someone on the road.</summary>
public enum CompassPoint
{
    North,
    NorthEast,
    East,
    SouthEast,
    South,
    SouthWest,
    West,
    NorthWest,
}

public static class Compass
{
    /// <summary>The compass point nearest to a bearing in degrees (each point covers 45°, e.g. North is 337.5° to 22.5°).</summary>
    public static CompassPoint FromBearing(double bearingDegrees)
    {
        var normalised = ((bearingDegrees % 360) + 360) % 360;
        var sector = (int)Math.Floor((normalised + 22.5) / 45) % 8;
        return (CompassPoint)sector;
    }
}
