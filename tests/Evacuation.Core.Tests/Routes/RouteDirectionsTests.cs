using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Routes;

public sealed class RouteDirectionsTests
{
    static readonly Crossing Shehyni = new()
    {
        Id = "shehyni-medyka",
        UkrainianSide = "Shehyni",
        OtherSide = "Medyka",
        Country = BorderCountry.Poland,
        Location = new GeoPoint(49.797, 22.958),
        PedestriansAllowed = true,
        Names = new Dictionary<string, string>
        {
            [Language.Hebrew] = "שהיני–מדיקה",
            [Language.Russian] = "Шегині–Медика",
            [Language.Ukrainian] = "Шегині–Медика",
        },
        Advice = new Dictionary<string, string> { [Language.English] = "Bring passports.", [Language.Ukrainian] = "Візьміть паспорти." },
        Notes = "Queue 2 h.",
    };

    // 80 km due east of the crossing, along its parallel.
    static readonly GeoPoint EightyKmEast = new(49.797, 22.958 + (80 / (GeoPoint.EarthRadiusKm * Math.PI / 180 * Math.Cos(49.797 * Math.PI / 180))));

    static readonly Region Lviv = new("Lviv", EightyKmEast.Latitude, EightyKmEast.Longitude, [])
    {
        Centre = new Dictionary<string, string> { ["en"] = "Lviv", ["he"] = "לביב", ["ru"] = "Львова", ["uk"] = "Львова" },
    };

    public static TheoryData<string, string> FromALocation => new()
    {
        { Language.English, "In Poland, 80 km west of you (straight line). Bring passports. Queue 2 h." },
        { Language.Hebrew, "בפולין, כ־80 ק״מ מכם בקו אווירי, לכיוון מערב. Queue 2 h." },
        { Language.Russian, "В Польше, в 80 км к западу от вас (по прямой). Queue 2 h." },
        { Language.Ukrainian, "У Польщі, за 80 км на захід від вас (по прямій). Візьміть паспорти. Queue 2 h." },
        { "fr", "In Poland, 80 km west of you (straight line). Bring passports. Queue 2 h." },
    };

    [Theory]
    [MemberData(nameof(FromALocation))]
    public void Directions_from_a_shared_location_give_country_distance_and_direction_and_advice_only_in_its_own_language(string language, string expected)
    {
        Assert.Equal(expected, RouteDirections.Describe(Shehyni, EightyKmEast, language));
    }

    public static TheoryData<string, string> FromARegion => new()
    {
        { Language.English, "In Poland, 80 km west of central Lviv (straight line)." },
        { Language.Hebrew, "בפולין, כ־80 ק״מ ממרכז לביב בקו אווירי, לכיוון מערב." },
        { Language.Russian, "В Польше, в 80 км к западу от центра Львова (по прямой)." },
        { Language.Ukrainian, "У Польщі, за 80 км на захід від центру Львова (по прямій)." },
    };

    [Theory]
    [MemberData(nameof(FromARegion))]
    public void Directions_from_a_region_say_they_are_measured_from_its_centre(string language, string expected)
    {
        var plain = new Crossing { Id = "x", UkrainianSide = "X", OtherSide = "Y", Country = BorderCountry.Poland, Location = Shehyni.Location, PedestriansAllowed = true };

        Assert.Equal(expected, RouteDirections.Describe(plain, new Origin(EightyKmEast, Lviv), language));
        Assert.Contains(language == Language.English ? "of your region's centre" : language == Language.Hebrew ? "ממרכז האזור שלכם" : language == Language.Russian ? "от центра вашего региона" : "від центру вашого регіону",
            RouteDirections.Describe(plain, new Origin(EightyKmEast, Lviv with { Centre = new Dictionary<string, string>() }), language), StringComparison.Ordinal);
    }

    [Fact]
    public void Directions_warn_of_queues_and_say_who_may_cross_when_not_everyone_may()
    {
        var crossing = new Crossing
        {
            Id = "krakovets-korczowa",
            UkrainianSide = "Krakovets",
            OtherSide = "Korczowa",
            Country = BorderCountry.Poland,
            Location = new GeoPoint(49.956, 23.094),
            Status = CrossingStatus.Congested,
        };
        var footbridge = new Crossing { Id = "f", UkrainianSide = "F", OtherSide = "G", Country = BorderCountry.Slovakia, Location = new GeoPoint(48.5, 22.1), PedestriansAllowed = true, VehiclesAllowed = false };
        var southEast = new GeoPoint(49.5, 23.8);

        Assert.Equal("In Poland, 70 km north-west of you (straight line). Vehicles only. Long queues reported.", RouteDirections.Describe(crossing, southEast, Language.English));
        Assert.Equal("У Польщі, за 70 км на північний захід від вас (по прямій). Лише на транспорті, пішки не можна. Великі черги.", RouteDirections.Describe(crossing, southEast, Language.Ukrainian));
        Assert.EndsWith("(straight line). Pedestrians only.", RouteDirections.Describe(footbridge, southEast, Language.English), StringComparison.Ordinal);
        Assert.EndsWith("Только пешком.", RouteDirections.Describe(footbridge, southEast, Language.Russian), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.3, 1)]
    [InlineData(7.4, 7)]
    [InlineData(19.4, 19)]
    [InlineData(19.6, 20)]
    [InlineData(22, 20)]
    [InlineData(23, 25)]
    [InlineData(97, 95)]
    [InlineData(98, 100)]
    [InlineData(104, 100)]
    [InlineData(455, 460)]
    [InlineData(1234, 1230)]
    public void Distances_are_rounded_to_what_a_straight_line_can_promise(double km, int expected)
    {
        Assert.Equal(expected, RouteDirections.RoundedKm(km));
    }

    [Fact]
    public void Directions_to_any_shipped_crossing_from_any_region_are_short()
    {
        var file = Some.ShippedFile();

        foreach (var region in file.Regions.Regions)
        {
            foreach (var crossing in file.Crossings)
            {
                foreach (var language in Language.All)
                {
                    var text = RouteDirections.Describe(crossing, new Origin(new GeoPoint(region.Latitude, region.Longitude), region), language);
                    Assert.True(text.Length <= 160, $"{crossing.Id}/{region.Name}/{language} is {text.Length} characters: {text}");
                }
            }
        }
    }

    [Fact]
    public void Someone_in_Lviv_is_told_to_head_west_to_Poland()
    {
        var file = Some.ShippedFile();
        var assignment = new CrossingAssignment(file);
        var from = assignment.OriginOf(null, null, "Lviv")!.Value;

        var text = RouteDirections.Describe(assignment.Choose(from.Point)!, from, Language.English);

        Assert.StartsWith("In Poland,", text, StringComparison.Ordinal);
        Assert.Contains("west of central Lviv (straight line)", text, StringComparison.Ordinal);
    }
}
