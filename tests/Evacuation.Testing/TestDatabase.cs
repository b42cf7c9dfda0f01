using Evacuation.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Evacuation.Testing;

/// <summary>
/// A real, empty database for one test: a SQLite file in a temporary folder, or a fresh PostgreSQL database on
/// the server named by <c>EVAC_TEST_POSTGRES</c> (the test is skipped when that is not set). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "EVAC_TEST_POSTGRES";

    string? sqliteFolder;
    string? postgresName;
    string? postgresAdmin;

    TestDatabase(StorageProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Both providers, for <c>[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static IEnumerable<object[]> Providers => [[StorageProvider.Sqlite], [StorageProvider.Postgres]];

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Creates the database (not its schema). Skips the calling test when PostgreSQL is asked for and not configured.</summary>
    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "evac-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "evacuation.db"), Pooling = false }.ToString();
            return new TestDatabase(provider, cs) { sqliteFolder = folder };
        }

        var server = PostgresServer;
        Assert.SkipWhen(server is null, $"PostgreSQL tests need {PostgresVariable} (e.g. 'Host=127.0.0.1;Port=55432;Username=postgres'); .ci/run sets it.");
        var name = "evac_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, builder.ToString()) { postgresName = name, postgresAdmin = server };
    }

    /// <summary>A context on this database, schema migrated.</summary>
    public async Task<EvacuationDb> OpenMigratedAsync()
    {
        var db = Open();
        await Storage.PrepareAsync(db, CancellationToken.None);
        return db;
    }

    public EvacuationDb Open() => Provider == StorageProvider.Sqlite
        ? new SqliteEvacuationDb(new DbContextOptionsBuilder<SqliteEvacuationDb>().UseSqlite(ConnectionString).Options)
        : new PostgresEvacuationDb(new DbContextOptionsBuilder<PostgresEvacuationDb>().UseNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        if (sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing host; the temp folder is cleaned by the OS.
            }
        }
        if (postgresName is not null && postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
