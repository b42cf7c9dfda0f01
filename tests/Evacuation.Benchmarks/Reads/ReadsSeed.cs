using System.Globalization;
using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Evacuation.Benchmarks.Reads;

/// <summary>
/// A database for the reads benchmark, filled with plain SQL (not through the API): <c>count</c> citizens (three in ten
/// Departed, with their status change and reply events) and one Sending advisory to all of them, one delivery each:
/// six in ten Sent, one Delivered, one Failed, two Pending (which the sandbox channels then send while it is measured).
/// </summary>
public sealed class ReadsSeed(StorageProvider provider, string connectionString, string folder, string? postgresName, string? postgresServer) : IAsyncDisposable
{
    public StorageProvider Provider => provider;
    public string ConnectionString => connectionString;
    public string Folder => folder;

    public static async Task<ReadsSeed> CreateAsync(StorageProvider provider, string? postgresServer)
    {
        var folder = Directory.CreateTempSubdirectory("evac-bench-reads-").FullName;
        if (provider == StorageProvider.Sqlite)
        {
            var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "evacuation.db") }.ToString();
            return new ReadsSeed(provider, cs, folder, null, null);
        }
        var name = "evac_bench_reads_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(postgresServer))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name };
        return new ReadsSeed(provider, builder.ToString(), folder, name, postgresServer);
    }

    public EvacuationDb Open() => provider == StorageProvider.Sqlite
        ? new SqliteEvacuationDb(new DbContextOptionsBuilder<SqliteEvacuationDb>().UseSqlite(connectionString).Options)
        : new PostgresEvacuationDb(new DbContextOptionsBuilder<PostgresEvacuationDb>().UseNpgsql(connectionString).Options);

    /// <summary>Migrates, fills and analyses the database; returns the broadcast's id.</summary>
    public async Task<Guid> FillAsync(int count)
    {
        await using var db = Open();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await Storage.PrepareAsync(db, CancellationToken.None);
        var now = DateTime.UtcNow;
        var broadcast = new Broadcast
        {
            Kind = BroadcastKind.Advisory, Channels = ChannelPolicy.Preferred, State = BroadcastState.Sending, CreatedBy = "benchmark",
            CreatedAt = now.AddHours(-1), SendAt = now.AddHours(-1), Recipients = count, FannedOutAt = now.AddHours(-1),
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync();
        foreach (var statement in Statements(count, broadcast.Id, now))
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return broadcast.Id;
    }

    const string RandomHex = "upper(hex(randomblob(16)))";

    IEnumerable<string> Statements(int count, Guid broadcastId, DateTime now)
    {
        var sqlite = provider == StorageProvider.Sqlite;
        string At(DateTime t) => sqlite ? $"'{t:yyyy-MM-dd HH:mm:ss}'" : $"'{t:yyyy-MM-dd HH:mm:ss}+00'::timestamptz";
        var uuid = sqlite
            ? "substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21)"
            : "gen_random_uuid()";
        var numbers = sqlite
            ? $"(WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {count - 1}) SELECT n, {RandomHex} AS h FROM seq) s"
            : $"generate_series(0, {count - 1}) AS s(n)";
        var hex = sqlite ? RandomHex : "NULL"; // SQLite's ids: 32 random hex digits per row, shaped as EF Core stores a Guid
        var broadcast = sqlite ? $"'{broadcastId.ToString().ToUpperInvariant()}'" : $"'{broadcastId}'::uuid";
        var (yes, no) = sqlite ? ("1", "0") : ("true", "false");
        var (created, sent, replied) = (At(now.AddDays(-1)), At(now.AddMinutes(-50)), At(now.AddMinutes(-20)));
        yield return $"""
            INSERT INTO citizens ("Id", "ExternalId", "Name", "Phone", "TelegramChatId", "Language", "Region", "Status", "HouseholdSize",
                "OptedOut", "RemindersSent", "SmsUnreachable", "TelegramUnreachable", "CreatedAt", "CreatedBy", "UpdatedAt")
            SELECT {uuid}, CAST(n AS TEXT), 'Citizen ' || n, '+38050' || substr('0000000' || n, -7, 7), CASE WHEN n % 4 <> 0 THEN 1000 + n END,
                CASE n % 4 WHEN 0 THEN 'en' WHEN 1 THEN 'he' WHEN 2 THEN 'ru' ELSE 'uk' END,
                CASE n % 5 WHEN 0 THEN 'Lviv' WHEN 1 THEN 'Kyiv' WHEN 2 THEN 'Odesa' WHEN 3 THEN 'Kharkiv' ELSE 'Zakarpattia' END,
                CASE WHEN n % 10 < 3 THEN 'Departed' WHEN n % 10 = 3 THEN 'OnTheWay' ELSE 'Unconfirmed' END, 1 + n % 3,
                CASE WHEN n % 50 = 0 THEN {yes} ELSE {no} END, 0, {no}, {no}, {created}, 'benchmark', {created}
            FROM {numbers}
            """.Replace("substr('0000000' || n, -7, 7)", sqlite ? "substr('0000000' || n, -7, 7)" : "lpad(CAST(n AS TEXT), 7, '0')", StringComparison.Ordinal);
        yield return $"""
            INSERT INTO deliveries ("Id", "BroadcastId", "CitizenId", "Channel", "Address", "State", "Text", "Attempts", "WithReplyButtons",
                "CreatedAt", "NextAttemptAt", "SentAt", "DeliveredAt")
            SELECT {uuid}, {broadcast}, "Id", CASE WHEN "TelegramChatId" IS NULL THEN 'Sms' ELSE 'Telegram' END,
                COALESCE(CAST("TelegramChatId" AS TEXT), "Phone"),
                CASE WHEN k < 6 THEN 'Sent' WHEN k = 6 THEN 'Delivered' WHEN k = 7 THEN 'Failed' ELSE 'Pending' END,
                'Leave Ukraine now.', CASE WHEN k < 8 THEN 1 ELSE 0 END, {yes}, {created}, {created},
                CASE WHEN k < 8 THEN {sent} END, CASE WHEN k = 6 THEN {sent} END
            FROM (SELECT "Id", "TelegramChatId", "Phone", (CAST("ExternalId" AS INTEGER) / 10) % 10 AS k, {hex} AS h FROM citizens) c
            """;
        foreach (var kind in new[] { "StatusChanged", "ReplyReceived" })
        {
            yield return $"""
                INSERT INTO citizen_events ("CitizenId", "Kind", "At", "Actor", "Detail")
                SELECT "Id", '{kind}', {replied}, 'citizen', 'Departed' FROM citizens WHERE "Status" = 'Departed'
                """;
        }
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
