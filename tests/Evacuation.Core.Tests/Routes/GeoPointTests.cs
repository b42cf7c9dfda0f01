using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Routes;

public sealed class GeoPointTests
{
    public static Labelled<GeoPoint, GeoPoint, double> Distances => new()
    {
        { "one degree of longitude on the equator", new(0, 0), new(0, 1), 111.2 },
        { "one degree of latitude", new(50, 30), new(51, 30), 111.2 },
        { "Kyiv to Lviv", new(50.4501, 30.5234), new(49.8397, 24.0297), 469 },
        { "London to Paris", new(51.5074, -0.1278), new(48.8566, 2.3522), 343.6 },
        { "a point to itself", new(48.6, 22.3), new(48.6, 22.3), 0 },
        { "pole to pole", new(90, 0), new(-90, 0), 20015.1 },
    };

    [Theory]
    [MemberData(nameof(Distances))]
    public void Distance_is_the_great_circle_distance_in_kilometres(GeoPoint from, GeoPoint to, double expectedKm)
    {
        Assert.Equal(expectedKm, from.DistanceKmTo(to), tolerance: Math.Max(1, expectedKm * 0.005));
        Assert.Equal(from.DistanceKmTo(to), to.DistanceKmTo(from), tolerance: 1e-9);
    }

    // The city bearings were checked independently with the vector (n-vector) method.
    public static Labelled<GeoPoint, GeoPoint, double> Bearings => new()
    {
        { "due north", new(50, 30), new(51, 30), 0 },
        { "due east on the equator", new(0, 0), new(0, 10), 90 },
        { "due south", new(50, 30), new(49, 30), 180 },
        { "due west on the equator", new(0, 0), new(0, -10), 270 },
        { "Kyiv to Lviv is a little south of west", new(50.4501, 30.5234), new(49.8397, 24.0297), 264.2 },
        { "Odesa to Palanka is west-south-west", new(46.4825, 30.7233), new(46.405, 30.121), 259.6 },
    };

    [Theory]
    [MemberData(nameof(Bearings))]
    public void Bearing_is_the_initial_bearing_clockwise_from_north(GeoPoint from, GeoPoint to, double expectedDegrees)
    {
        Assert.Equal(expectedDegrees, from.BearingTo(to), tolerance: 0.5);
    }

    [Theory]
    [InlineData(0, CompassPoint.North)]
    [InlineData(22.4, CompassPoint.North)]
    [InlineData(22.6, CompassPoint.NorthEast)]
    [InlineData(90, CompassPoint.East)]
    [InlineData(135, CompassPoint.SouthEast)]
    [InlineData(180, CompassPoint.South)]
    [InlineData(225, CompassPoint.SouthWest)]
    [InlineData(264.2, CompassPoint.West)]
    [InlineData(315, CompassPoint.NorthWest)]
    [InlineData(350, CompassPoint.North)]
    [InlineData(360, CompassPoint.North)]
    [InlineData(-90, CompassPoint.West)]
    public void A_bearing_is_named_by_the_nearest_of_eight_compass_points(double bearing, CompassPoint expected)
    {
        Assert.Equal(expected, Compass.FromBearing(bearing));
    }
}
