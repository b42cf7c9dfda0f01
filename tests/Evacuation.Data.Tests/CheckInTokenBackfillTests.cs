using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data.Tests;

/// <summary>Citizens registered before check-in links existed get one each when the service is upgraded.</summary>
public sealed class CheckInTokenBackfillTests
{
    static readonly DateTime Now = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_upgrade_gives_every_citizen_already_registered_a_token_of_their_own(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_I17CheckInTokens", StringComparison.Ordinal)) - 1];
        await db.Database.MigrateAsync(before, TestContext.Current.CancellationToken);
        for (var i = 0; i < 50; i++)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO citizens ("Id", "Name", "Phone", "Language", "HouseholdSize", "Status", "OptedOut", "TelegramUnreachable", "SmsUnreachable",
                                      "RemindersSent", "CreatedAt", "CreatedBy", "UpdatedAt")
                VALUES ({0}, {1}, {2}, 'uk', 1, 'Unconfirmed', FALSE, FALSE, FALSE, 0, {3}, 'import', {3})
                """,
                [Guid.NewGuid(), $"Citizen {i}", $"+3805012340{i:00}", Now], TestContext.Current.CancellationToken);
        }

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        var tokens = await db.Citizens.Select(c => c.CheckInToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(50, tokens.Count);
        Assert.All(tokens, t => Assert.True(Core.CheckIn.CheckInToken.IsWellFormed(t), $"'{t}' is not a token"));
        Assert.Equal(50, tokens.Distinct().Count());
    }
}
