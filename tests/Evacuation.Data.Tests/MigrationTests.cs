using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data.Tests;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_model_has_no_changes_missing_from_the_migrations(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        Assert.False(db.Database.HasPendingModelChanges(), $"run `dotnet ef migrations add` for the {provider} context");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_create_a_schema_that_stores_and_reads_a_citizen(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var created = new DateTime(2026, 11, 25, 10, 30, 0, DateTimeKind.Utc);
        await using (var db = await database.OpenMigratedAsync())
        {
            db.Citizens.Add(new Citizen { Name = "Olena", Phone = "+380501234567", Language = "uk", CreatedAt = created, UpdatedAt = created });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using (var db = database.Open())
        {
            var citizen = await db.Citizens.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal("+380501234567", citizen.Phone);
            Assert.Equal(JourneyStatus.Unconfirmed, citizen.Status);
            Assert.Equal(created, citizen.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, citizen.CreatedAt.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_citizens_cannot_share_a_phone(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        db.Citizens.Add(new Citizen { Name = "A", Phone = "+380501234567" });
        db.Citizens.Add(new Citizen { Name = "B", Phone = "+380501234567" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sqlite_runs_in_write_ahead_log_mode()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenMigratedAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
