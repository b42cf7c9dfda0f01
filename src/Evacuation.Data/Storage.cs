using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Data;

/// <summary>Registers the database for the configured provider and prepares it at start.</summary>
public static class Storage
{
    /// <summary>
    /// Registers <see cref="EvacuationDb"/> (pooled) for <paramref name="provider"/>. Callers ask for
    /// <see cref="EvacuationDb"/> or <see cref="IDbContextFactory{EvacuationDb}"/> and never see the provider.
    /// </summary>
    public static IServiceCollection AddEvacuationDb(this IServiceCollection services, StorageProvider provider, string connectionString)
    {
        if (provider == StorageProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresEvacuationDb>(o => o.UseNpgsql(connectionString));
            services.AddSingleton<IDbContextFactory<EvacuationDb>>(sp =>
                new Upcast<PostgresEvacuationDb>(sp.GetRequiredService<IDbContextFactory<PostgresEvacuationDb>>()));
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteEvacuationDb>(o => o.UseSqlite(connectionString).AddInterceptors(new SqliteBusyTimeout()));
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
            await db.Database.MigrateAsync(cancellationToken);
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
