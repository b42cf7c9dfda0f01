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
            [Language.Russian] = "Шегини–Медыка",
            [Language.Ukrainian] = "Шегині–Медика",
        },
        Notes = "Bring passports.",
    };

    // 80 km due east of the crossing, along its parallel.
    static readonly GeoPoint EightyKmEast = new(49.797, 22.958 + (80 / (GeoPoint.EarthRadiusKm * Math.PI / 180 * Math.Cos(49.797 * Math.PI / 180))));

    public static TheoryData<string, string> Languages => new()
    {
        { Language.English, "Shehyni–Medyka (Poland), about 80 km west of you. Pedestrians may cross. Bring passports." },
        { Language.Hebrew, "שהיני–מדיקה (פולין), כ-80 ק״מ מערבית לך. מותר לעבור ברגל. Bring passports." },
        { Language.Russian, "Шегини–Медыка (Польша), примерно 80 км к западу от вас. Пешком пройти можно. Bring passports." },
        { Language.Ukrainian, "Шегині–Медика (Польща), приблизно 80 км на захід від вас. Пішки перейти можна. Bring passports." },
        { "fr", "Shehyni–Medyka (Poland), about 80 km west of you. Pedestrians may cross. Bring passports." },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Directions_name_the_crossing_its_country_distance_and_direction_in_the_citizens_language(string language, string expected)
    {
        Assert.Equal(expected, RouteDirections.Describe(Shehyni, EightyKmEast, language));
    }

    [Fact]
    public void Directions_warn_of_queues_and_vehicle_only_crossings_and_skip_empty_notes()
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
        var southEast = new GeoPoint(49.5, 23.8);

        Assert.Equal("Krakovets–Korczowa (Poland), about 70 km north-west of you. Vehicles only, no pedestrians. Long queues reported.", RouteDirections.Describe(crossing, southEast, Language.English));
        Assert.Equal("Krakovets–Korczowa (Польща), приблизно 70 км на північний захід від вас. Лише для транспорту, пішки не можна. Великі черги.", RouteDirections.Describe(crossing, southEast, Language.Ukrainian));
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
    public void Directions_to_any_shipped_crossing_fit_in_a_few_sms_segments()
    {
        var file = Some.ShippedFile();
        var kyiv = new GeoPoint(50.4501, 30.5234);

        foreach (var crossing in file.Crossings)
        {
            foreach (var language in Language.All)
            {
                var text = RouteDirections.Describe(crossing, kyiv, language);
                Assert.True(text.Length <= 240, $"{crossing.Id}/{language} is {text.Length} characters: {text}");
            }
        }
    }

    [Fact]
    public void Someone_in_Lviv_is_told_to_head_west_to_Poland()
    {
        var file = Some.ShippedFile();
        var assignment = new CrossingAssignment(file);
        var from = assignment.StartingPoint(null, null, "Lviv")!.Value;

        var text = RouteDirections.Describe(assignment.Choose(from)!, from, Language.English);

        Assert.Contains("(Poland)", text, StringComparison.Ordinal);
        Assert.Contains("west of you", text, StringComparison.Ordinal);
    }
}
