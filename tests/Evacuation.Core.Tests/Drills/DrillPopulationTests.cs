using Evacuation.Core.Citizens;
using Evacuation.Core.Drills;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Drills;

public sealed class DrillPopulationTests
{
    static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Citizens_speak_the_missions_four_languages_live_in_known_regions_and_can_be_reached()
    {
        var drill = Guid.NewGuid();
        var citizens = DrillPopulation.Make(drill, 2000, seed: 42, Now, "admin");
        var regions = CrossingsFile.Load(CrossingsFile.ShippedPath).Regions;

        Assert.Equal(2000, citizens.Count);
        Assert.All(citizens, c => Assert.Equal(drill, c.DrillId));
        Assert.All(citizens, c => Assert.True(regions.TryFind(c.Region!, out _), c.Region));
        Assert.All(citizens, c => Assert.True(c.Phone is not null || c.TelegramChatId is not null));
        Assert.All(citizens, c => Assert.True(c.Phone is null || PhoneNumber.TryNormalize(c.Phone, "UA", out _, out _), c.Phone));
        foreach (var language in Language.All)
        {
            Assert.InRange(citizens.Count(c => c.Language == language), 200, 800);
        }
        Assert.InRange(citizens.Count(c => c.Region == "Kyiv"), 350, 600);
        Assert.InRange(citizens.Count(c => c.HouseholdSize > 1), 1100, 1500);
        Assert.InRange(citizens.Count(c => c.TelegramChatId is null), 380, 620);
        Assert.Equal(2000, citizens.Select(c => c.Phone ?? c.TelegramChatId!.ToString()).Distinct().Count());
        Assert.Equal(2000, citizens.Select(c => c.ExternalId).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_people()
    {
        var drill = Guid.NewGuid();

        var first = DrillPopulation.Make(drill, 50, 9, Now, "admin").Select(c => (c.Name, c.Phone, c.TelegramChatId, c.Region, c.Language));
        var second = DrillPopulation.Make(drill, 50, 9, Now, "admin").Select(c => (c.Name, c.Phone, c.TelegramChatId, c.Region, c.Language));

        Assert.Equal(first, second);
    }
}
