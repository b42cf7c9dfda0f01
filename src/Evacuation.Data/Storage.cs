using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Data;

/// <summary>Registers the database for the configured provider and prepares it at start.</summary>
public static class Storage
{
    /// <summary>
    /// Registers <see cref="EvacuationDb"/> (pooled) for <paramref name="provider"/>. Callers ask for
    /// <see cref="EvacuationDb"/> or <see cref="IDbContextFactory{EvacuationDb}"/> and never see the provider.
    /// EF interceptors registered as <see cref="IInterceptor"/> are added to every context (tests inject storage failures so).
    /// </summary>
    public static IServiceCollection AddEvacuationDb(this IServiceCollection services, StorageProvider provider, string connectionString)
    {
        if (provider == StorageProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresEvacuationDb>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddSingleton<IDbContextFactory<EvacuationDb>>(sp =>
                new Upcast<PostgresEvacuationDb>(sp.GetRequiredService<IDbContextFactory<PostgresEvacuationDb>>()));
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteEvacuationDb>((sp, o) =>
                o.UseSqlite(connectionString).AddInterceptors([new SqliteBusyTimeout(), .. sp.GetServices<IInterceptor>()]));
            services.AddSingleton<IDbContextFactory<EvacuationDb>>(sp =>
                new Upcast<SqliteEvacuationDb>(sp.GetRequiredService<IDbContextFactory<SqliteEvacuationDb>>()));
        }
        services.AddSingleton(new WriterQueue(queued: provider == StorageProvider.Sqlite));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EvacuationDb>>().CreateDbContext());
        return services;
    }

    /// <summary>Applies pending migrations; on SQLite also switches the file to WAL so readers never wait for the writer.</summary>
    public static async Task PrepareAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else
        {
            await MigratePostgresAsync(db, cancellationToken);
        }
    }

    /// <summary>"EvacMigr" in ASCII: the advisory lock nodes take in turn to migrate.</summary>
    const long MigrationLock = 0x4576_6163_4D69_6772;

    /// <summary>
    /// Several nodes may start at the same moment on a new database: it is created by whichever asks first, and the
    /// migrations run under a session advisory lock, one node after the other (the later ones find nothing to do).
    /// </summary>
    static async Task MigratePostgresAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another node created it meanwhile.
            }
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Which database this is, for the start-up log: the SQLite file's full path, or PostgreSQL's host and database (never a password).</summary>
    public static string Describe(EvacuationDb db)
    {
        if (db.Database.IsSqlite())
        {
            return "SQLite " + Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        }
        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        return $"PostgreSQL {postgres.Host}:{postgres.Port}/{postgres.Database}";
    }

    sealed class Upcast<T>(IDbContextFactory<T> inner) : IDbContextFactory<EvacuationDb>
        where T : EvacuationDb
    {
        public EvacuationDb CreateDbContext() => inner.CreateDbContext();
    }
}
