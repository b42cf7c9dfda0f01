using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Stats;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Stats;

/// <summary>The citizens' counters (triggers, then folds) equal a count over the citizens themselves, folded or not, on both databases.</summary>
public sealed class CitizenCountTests
{
    static readonly JourneyStatus[] Statuses = Enum.GetValues<JourneyStatus>();
    static readonly string?[] Regions = ["Lviv", "Kyiv", null, "Odesa"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Counters_equal_a_count_of_the_citizens_through_imports_edits_drills_and_erasures(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var random = new Random(16);
        var t0 = app.Time.GetUtcNow().UtcDateTime;
        await using (var db = app.Database.Open())
        {
            db.AddRange(Enumerable.Range(0, 120).Select(n => Shape(new Citizen { Name = $"C{n}", CreatedAt = t0, UpdatedAt = t0 }, random)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await AssertCountsEqualAsync(app);

        for (var round = 0; round < 4; round++)
        {
            await using (var db = app.Database.Open())
            {
                var citizens = await db.Citizens.ToListAsync(TestContext.Current.CancellationToken);
                foreach (var citizen in citizens.Where(_ => random.Next(3) == 0))
                {
                    Shape(citizen, random);
                }
                db.RemoveRange(citizens.Where(_ => random.Next(15) == 0));
                db.Add(Shape(new Citizen { Name = $"New{round}", CreatedAt = t0, UpdatedAt = t0 }, random));
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                await db.Citizens.Where(c => c.Region == "Kyiv")
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, JourneyStatus.OnTheWay), TestContext.Current.CancellationToken);
            }
            await AssertCountsEqualAsync(app); // with changes waiting
            await app.Services.GetRequiredService<CounterFold>().CatchUpAsync(TestContext.Current.CancellationToken);
            await AssertCountsEqualAsync(app); // folded
        }
    }

    static long chats = 1000;

    static Citizen Shape(Citizen c, Random random)
    {
        c.Region = Regions[random.Next(Regions.Length)];
        c.Status = Statuses[random.Next(Statuses.Length)];
        c.HouseholdSize = 1 + random.Next(5);
        c.OptedOut = random.Next(6) == 0;
        c.TelegramChatId = random.Next(2) == 0 ? Interlocked.Increment(ref chats) : null; // unique, as the table requires
        c.Phone = random.Next(3) > 0 ? $"+38050{Interlocked.Increment(ref chats):D7}" : null;
        c.TelegramUnreachable = random.Next(3) == 0;
        c.SmsUnreachable = random.Next(3) == 0;
        c.DrillId = random.Next(8) == 0 ? Guid.NewGuid() : null; // demo citizens count nowhere
        return c;
    }

    static async Task AssertCountsEqualAsync(EvacuationApp app)
    {
        await using var db = app.Database.Open();
        var citizens = await db.Citizens.AsNoTracking().Where(c => c.DrillId == null).ToListAsync(TestContext.Current.CancellationToken);
        var expected = citizens.GroupBy(c => (Region: c.Region ?? "", Status: c.Status.ToString()))
            .Select(g => new CitizenCounts.Group(g.Key.Region, g.Key.Status, g.Count(), g.Sum(c => c.HouseholdSize), g.Count(c => c.OptedOut),
                g.Count(c => (c.TelegramChatId == null || c.TelegramUnreachable) && (c.Phone == null || c.SmsUnreachable))))
            .OrderBy(g => g.Region).ThenBy(g => g.Status).ToList();

        var counted = (await CitizenCounts.ReadAsync(db, TestContext.Current.CancellationToken)).OrderBy(g => g.Region).ThenBy(g => g.Status).ToList();

        Assert.Equal(expected, counted);
    }
}
