using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Routes;

public sealed class ShippedCrossingsFileTests
{
    static readonly CrossingsFile File = Some.ShippedFile();

    public static TheoryData<string, string> RequiredCrossings => new()
    {
        { "shehyni-medyka", BorderCountry.Poland },
        { "krakovets-korczowa", BorderCountry.Poland },
        { "rava-ruska-hrebenne", BorderCountry.Poland },
        { "yahodyn-dorohusk", BorderCountry.Poland },
        { "ustyluh-zosin", BorderCountry.Poland },
        { "hrushiv-budomierz", BorderCountry.Poland },
        { "smilnytsia-kroscienko", BorderCountry.Poland },
        { "uzhhorod-vysne-nemecke", BorderCountry.Slovakia },
        { "malyi-bereznyi-ubla", BorderCountry.Slovakia },
        { "chop-zahony", BorderCountry.Hungary },
        { "luzhanka-beregsurany", BorderCountry.Hungary },
        { "vylok-tiszabecs", BorderCountry.Hungary },
        { "dzvinkove-lonya", BorderCountry.Hungary },
        { "porubne-siret", BorderCountry.Romania },
        { "diakivtsi-racovat", BorderCountry.Romania },
        { "solotvyno-sighetu-marmatiei", BorderCountry.Romania },
        { "mamalyha-criva", BorderCountry.Moldova },
        { "mohyliv-podilskyi-otaci", BorderCountry.Moldova },
        { "palanka-palanca", BorderCountry.Moldova },
        { "reni-giurgiulesti", BorderCountry.Moldova },
    };

    [Theory]
    [MemberData(nameof(RequiredCrossings))]
    public void The_shipped_file_lists_each_required_crossing_open_and_in_its_country(string id, string country)
    {
        Assert.True(File.TryFindCrossing(id, out var crossing), $"{id} is missing");
        Assert.Equal(country, crossing.Country);
        Assert.Equal(CrossingStatus.Open, crossing.Status);
    }

    [Fact]
    public void The_crossing_into_Transnistria_ships_closed_so_nobody_is_sent_there_by_default()
    {
        Assert.True(File.TryFindCrossing("kuchurhan-pervomaisc", out var crossing));
        Assert.Equal(BorderCountry.Moldova, crossing.Country);
        Assert.Equal(CrossingStatus.Closed, crossing.Status);
    }

    [Fact]
    public void Every_shipped_crossing_has_a_name_in_every_language_and_its_advice_in_all_or_none()
    {
        foreach (var crossing in File.Crossings)
        {
            foreach (var language in Language.All)
            {
                Assert.False(string.IsNullOrWhiteSpace(crossing.DisplayName(language)), $"{crossing.Id} has no {language} name");
            }

            Assert.True(crossing.Names.ContainsKey(Language.Hebrew) && crossing.Names.ContainsKey(Language.Russian) && crossing.Names.ContainsKey(Language.Ukrainian), $"{crossing.Id} lacks a he/ru/uk name");
            Assert.True(crossing.Advice.Count is 0 or 4, $"{crossing.Id} has advice in {string.Join(", ", crossing.Advice.Keys)} only");
            Assert.All(crossing.Advice.Values, advice => Assert.InRange(advice.Length, 1, 60));
            Assert.Equal("", crossing.Notes);
        }
    }

    [Fact]
    public void Every_shipped_region_names_its_centre_in_every_language()
    {
        foreach (var region in File.Regions.Regions)
        {
            Assert.True(Language.All.All(region.Centre.ContainsKey), $"{region.Name} lacks a centre in {string.Join(", ", Language.All.Where(l => !region.Centre.ContainsKey(l)))}");
        }
    }

    [Fact]
    public void The_footbridge_into_Slovakia_is_for_pedestrians_only()
    {
        Assert.True(File.TryFindCrossing("mali-selmentsi-velke-slemence", out var crossing));
        Assert.True(crossing.PedestriansAllowed);
        Assert.False(crossing.VehiclesAllowed);
    }

    [Fact]
    public void Every_shipped_crossing_has_another_within_90_km_so_a_slipped_digit_shows()
    {
        // Crossings sit along one frontier, never far apart; a slipped digit in a coordinate moves a point
        // by tens or hundreds of km and usually leaves it alone. A cheap guard, not a proof.
        foreach (var crossing in File.Crossings)
        {
            var nearestOther = File.Crossings.Where(c => c != crossing).Min(c => c.Location.DistanceKmTo(crossing.Location));
            Assert.True(nearestOther < 90, $"{crossing.Id} is {nearestOther:F0} km from any other crossing");
        }
    }

    public static TheoryData<string> RegionNames => new()
    {
        // The public API names these as examples of the `region` field (docs/api.md, "Citizens"; README).
        "Lviv", "Kyiv", "Odesa", "Zakarpattia",
        // The 24 oblasts, by their common English names.
        "Cherkasy Oblast", "Chernihiv Oblast", "Chernivtsi Oblast", "Dnipropetrovsk Oblast", "Donetsk Oblast",
        "Ivano-Frankivsk Oblast", "Kharkiv Oblast", "Kherson Oblast", "Khmelnytskyi Oblast", "Kirovohrad Oblast",
        "Kyiv Oblast", "Luhansk Oblast", "Lviv Oblast", "Mykolaiv Oblast", "Odesa Oblast", "Poltava Oblast",
        "Rivne Oblast", "Sumy Oblast", "Ternopil Oblast", "Vinnytsia Oblast", "Volyn Oblast", "Zakarpattia Oblast",
        "Zaporizhzhia Oblast", "Zhytomyr Oblast",
        // Crimea and the two cities with special status.
        "Crimea", "Sevastopol", "Kyiv city",
        // Major cities.
        "Kharkiv", "Dnipro", "Zaporizhzhia", "Uzhhorod", "Chernivtsi", "Vinnytsia", "Mykolaiv", "Kherson", "Poltava",
        "Lutsk", "Rivne", "Ternopil", "Ivano-Frankivsk", "Zhytomyr", "Khmelnytskyi", "Chernihiv", "Sumy", "Cherkasy",
        "Kropyvnytskyi", "Mariupol", "Kryvyi Rih",
        // Other spellings people type.
        "Kiev", "Lvov", "Odessa", "Kharkov", "Transcarpathia", "Київ", "Киев", "Одеса", "Львівська область", "קייב",
    };

    [Theory]
    [MemberData(nameof(RegionNames))]
    public void The_shipped_file_knows_the_region(string name)
    {
        Assert.True(File.Regions.TryFind(name, out var region), $"'{name}' is not a known region");
        Assert.True(ServiceArea.Contains(region.Latitude, region.Longitude));
    }

    [Fact]
    public void Every_region_is_inside_Ukraine_roughly()
    {
        foreach (var region in File.Regions.Regions)
        {
            Assert.InRange(region.Latitude, 44.3, 52.4);
            Assert.InRange(region.Longitude, 22.1, 40.3);
        }
    }

    [Fact]
    public void Each_load_gives_fresh_crossings_so_status_changes_do_not_leak_between_instances()
    {
        var first = Some.ShippedFile();
        first.Crossings[0].Status = CrossingStatus.Closed;

        Assert.Equal(CrossingStatus.Open, Some.ShippedFile().Crossings[0].Status);
    }
}
