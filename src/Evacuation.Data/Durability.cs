using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data;

/// <summary>
/// Lets a long write that commits in many batches (an import of 100,000 citizens) skip waiting for the disk at each
/// batch, and wait once at the end instead.
/// </summary>
/// <remarks>
/// SQLite in WAL mode with <c>synchronous=FULL</c> flushes the log to disk at every commit (README, "Benchmarks", for
/// what that costs); with <c>NORMAL</c> a commit is consistent but only durable once a later flush happens
/// (https://www.sqlite.org/pragma.html#pragma_synchronous). PostgreSQL's <c>synchronous_commit = off</c> is the same
/// trade (https://www.postgresql.org/docs/current/wal-async-commit.html). The setting is per connection, so the
/// connection is held open while deferred and put back as it was on dispose: the caller's next commit then waits for
/// the disk, and with it everything written before (both logs are flushed in order). A power cut in between loses the
/// newest batches whole, never half a batch, and the caller has not answered yet.
/// </remarks>
public static class Durability
{
    public static async Task<IAsyncDisposable> DeferAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
            {
                var before = await ScalarAsync(db, "PRAGMA synchronous;", cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", cancellationToken);
                return new Deferred(db, $"PRAGMA synchronous = {before};");
            }
            await db.Database.ExecuteSqlRawAsync("SET synchronous_commit = off;", cancellationToken);
            return new Deferred(db, "RESET synchronous_commit;");
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    static async Task<string> ScalarAsync(EvacuationDb db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)!;
    }

    sealed class Deferred(EvacuationDb db, string restore) : IAsyncDisposable
    {
        bool disposed;

        public async ValueTask DisposeAsync()
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            try
            {
                // Not cancellable: a pooled connection must not go back to the pool still deferring.
                await db.Database.ExecuteSqlRawAsync(restore, CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
