using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data.Tests;

/// <summary>Deferring the disk flush holds for the deferring context only, and is undone on its connection afterwards.</summary>
public sealed class DurabilityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Commits_wait_for_the_disk_again_once_the_deferral_ends(StorageProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        var before = await SettingAsync(db, provider, ct);

        var deferral = await Durability.DeferAsync(db, ct);
        Assert.Equal(provider == StorageProvider.Sqlite ? "1" : "off", await SettingAsync(db, provider, ct));
        await using (var other = database.Open())
        {
            Assert.Equal(before, await SettingAsync(other, provider, ct));
        }
        await deferral.DisposeAsync();
        await deferral.DisposeAsync();

        if (provider == StorageProvider.Sqlite)
        {
            Assert.Equal("2", before); // FULL, SQLite's default
        }
        // (PostgreSQL's default is the server's: CI runs one with synchronous_commit off, so only "as before" is checked.)
        Assert.Equal(before, await SettingAsync(db, provider, ct));
        // The connection went back to the pool restored: the next context to take it commits durably too.
        await db.DisposeAsync();
        await using var next = database.Open();
        Assert.Equal(before, await SettingAsync(next, provider, ct));
    }

    static async Task<string> SettingAsync(EvacuationDb db, StorageProvider provider, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = provider == StorageProvider.Sqlite ? "PRAGMA synchronous;" : "SHOW synchronous_commit;";
            return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
