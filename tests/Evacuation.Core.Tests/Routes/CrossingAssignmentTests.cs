using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Routes;

public sealed class CrossingAssignmentTests
{
    // Crossings placed due north of the origin at exact distances: along a meridian one degree is R·π/180 km.
    static readonly GeoPoint Origin = new(50, 30);

    static GeoPoint NorthBy(double km) => new(Origin.Latitude + (km / (GeoPoint.EarthRadiusKm * Math.PI / 180)), Origin.Longitude);

    public static Labelled<string, string, string?> CitiesNearEachBorder => new()
    {
        { "Lviv goes to Poland", "Lviv", BorderCountry.Poland, "rava-ruska-hrebenne" },
        { "Lutsk in Volyn goes to Poland", "Volyn", BorderCountry.Poland, "ustyluh-zosin" },
        { "Uzhhorod goes to Slovakia, at the edge of town", "Uzhhorod", BorderCountry.Slovakia, "uzhhorod-vysne-nemecke" },
        { "Berehove goes to Hungary", "Berehove", BorderCountry.Hungary, "luzhanka-beregsurany" },
        { "Chernivtsi goes to Romania", "Chernivtsi", BorderCountry.Romania, null },
        { "Izmail goes to Romania over the Danube", "Izmail", BorderCountry.Romania, "orlivka-isaccea" },
        { "Odesa goes to Moldova", "Odesa", BorderCountry.Moldova, "palanka-palanca" },
        // As the crow flies the Dniester at Mohyliv-Podilskyi (about 300 km) is nearer to Kyiv than any Polish
        // crossing (about 450 km); the contract's rule is "nearest open crossing", so Moldova it is.
        { "Kyiv goes to the nearest border, Moldova, not Poland", "Kyiv", BorderCountry.Moldova, "mohyliv-podilskyi-otaci" },
    };

    [Theory]
    [MemberData(nameof(CitiesNearEachBorder))]
    public void A_citizen_known_only_by_region_is_sent_to_the_nearest_crossing_from_its_centre(string region, string country, string? crossingId)
    {
        var file = Some.ShippedFile();

        var crossing = new CrossingAssignment(file).ChooseFor(null, null, region);

        Assert.NotNull(crossing);
        Assert.True(crossing.Country == country, $"got {crossing.Id} in {crossing.Country}");
        if (crossingId is not null)
        {
            Assert.Equal(crossingId, crossing.Id);
        }
    }

    [Fact]
    public void Kyiv_goes_to_Poland_once_the_Moldovan_and_Romanian_crossings_are_closed()
    {
        var file = Some.ShippedFile();
        foreach (var crossing in file.Crossings.Where(c => c.Country is BorderCountry.Moldova or BorderCountry.Romania))
        {
            crossing.Status = CrossingStatus.Closed;
        }

        var chosen = new CrossingAssignment(file).ChooseFor(null, null, "Kyiv");

        Assert.Equal(BorderCountry.Poland, chosen?.Country);
    }

    [Fact]
    public void Closing_a_crossing_sends_its_citizens_to_the_next_nearest()
    {
        var file = Some.ShippedFile();
        var assignment = new CrossingAssignment(file);
        var before = assignment.ChooseFor(null, null, "Lviv")!;

        before.Status = CrossingStatus.Closed;
        var after = assignment.ChooseFor(null, null, "Lviv");

        Assert.NotNull(after);
        Assert.NotEqual(before.Id, after.Id);
        Assert.Equal(BorderCountry.Poland, after.Country);
    }

    public static Labelled<double, double, string> CongestedCases => new()
    {
        { "congested 35% and 70 km nearer is chosen", 200, 130, "congested" },
        { "congested 32% and 95 km nearer is chosen", 300, 205, "congested" },
        { "congested only 25% nearer is not chosen", 200, 150, "open" },
        { "congested 40% but only 40 km nearer is not chosen", 100, 60, "open" },
        { "congested and farther is not chosen", 100, 150, "open" },
    };

    [Theory]
    [MemberData(nameof(CongestedCases))]
    public void A_congested_crossing_is_chosen_only_when_clearly_nearer_than_the_nearest_open_one(double openKm, double congestedKm, string expected)
    {
        var open = Some.Crossing("open", NorthBy(openKm).Latitude, Origin.Longitude);
        var congested = Some.Crossing("congested", NorthBy(congestedKm).Latitude, Origin.Longitude, CrossingStatus.Congested);
        var assignment = new CrossingAssignment([open, congested], Some.NoRegions);

        var chosen = assignment.Choose(Origin);

        Assert.True(chosen?.Id == expected, $"got {chosen?.Id}");
    }

    [Fact]
    public void A_congested_crossing_is_chosen_when_none_is_open()
    {
        var crossings = new[]
        {
            Some.Crossing("closed-near", NorthBy(10).Latitude, Origin.Longitude, CrossingStatus.Closed),
            Some.Crossing("congested-far", NorthBy(400).Latitude, Origin.Longitude, CrossingStatus.Congested),
            Some.Crossing("congested-near", NorthBy(300).Latitude, Origin.Longitude, CrossingStatus.Congested),
        };

        Assert.Equal("congested-near", new CrossingAssignment(crossings, Some.NoRegions).Choose(Origin)?.Id);
    }

    [Fact]
    public void A_closed_crossing_is_never_chosen_however_near()
    {
        var crossings = new[]
        {
            Some.Crossing("closed", NorthBy(1).Latitude, Origin.Longitude, CrossingStatus.Closed),
            Some.Crossing("open", NorthBy(500).Latitude, Origin.Longitude),
        };

        Assert.Equal("open", new CrossingAssignment(crossings, Some.NoRegions).Choose(Origin)?.Id);
    }

    [Fact]
    public void Nobody_is_assigned_a_crossing_when_all_are_closed()
    {
        var file = Some.ShippedFile();
        foreach (var crossing in file.Crossings)
        {
            crossing.Status = CrossingStatus.Closed;
        }

        Assert.Null(new CrossingAssignment(file).ChooseFor(49.84, 24.03, "Lviv"));
    }

    public static Labelled<double?, double?, string?, GeoPoint?> StartingPoints => new()
    {
        { "a shared location wins over the region", 48.0, 30.0, "Lviv", new GeoPoint(48.0, 30.0) },
        { "a shared location is enough without a region", 48.0, 30.0, null, new GeoPoint(48.0, 30.0) },
        { "no location: the region's centre", null, null, "Lviv", new GeoPoint(49.8397, 24.0297) },
        { "an alias finds the region", null, null, "  lvov ", new GeoPoint(49.8397, 24.0297) },
        { "a Cyrillic spelling finds the region", null, null, "Львів", new GeoPoint(49.8397, 24.0297) },
        { "half a location is no location", 48.0, null, "Lviv", new GeoPoint(49.8397, 24.0297) },
        { "0,0 from a broken GPS is no location", 0.0, 0.0, "Lviv", new GeoPoint(49.8397, 24.0297) },
        { "swapped latitude and longitude is no location", 24.03, 49.84, "Lviv", new GeoPoint(49.8397, 24.0297) },
        { "a location far away is no location", 40.7, -74.0, "Odesa", new GeoPoint(46.4825, 30.7233) },
        { "not a number is no location", double.NaN, 30.0, "Odesa", new GeoPoint(46.4825, 30.7233) },
        { "an unknown region and no location place nobody", null, null, "Atlantis", null },
        { "nothing at all places nobody", null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(StartingPoints))]
    public void The_starting_point_is_the_shared_location_else_the_region_centre(double? latitude, double? longitude, string? region, GeoPoint? expected)
    {
        var assignment = new CrossingAssignment(Some.ShippedFile());

        var from = assignment.StartingPoint(latitude, longitude, region);

        Assert.True(from == expected, $"got {from}");
    }

    [Fact]
    public void A_citizen_who_shared_a_location_near_Shehyni_is_sent_there_whatever_their_region()
    {
        var citizen = new Citizen { Region = "Odesa", Latitude = 49.80, Longitude = 23.05 };

        var crossing = new CrossingAssignment(Some.ShippedFile()).ChooseFor(citizen);

        Assert.Equal("shehyni-medyka", crossing?.Id);
    }
}
