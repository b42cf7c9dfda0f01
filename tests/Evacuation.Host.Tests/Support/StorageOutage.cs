using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Evacuation.Host.Tests;

/// <summary>
/// A database that still answers reads but stores nothing while <see cref="Down"/>: every commit and every write
/// statement EF sends fails as a full SQLite file (SQLITE_FULL) or a lost PostgreSQL connection would. Registered as an
/// EF interceptor, so every context of the service meets it.
/// </summary>
public sealed class StorageOutage : DbTransactionInterceptor, IDbCommandInterceptor
{
    volatile bool down;

    public bool Down
    {
        get => down;
        set => down = value;
    }

    /// <summary>How many writes failed: a test can wait until the service has actually tried.</summary>
    public int Failures => failures;

    int failures;

    public void Register(IServiceCollection services) => services.AddSingleton<IInterceptor>(this);

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ThrowIfDown(transaction.Connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        ThrowIfDown(transaction.Connection);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ThrowIfWrite(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ThrowIfWrite(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ThrowIfWrite(command);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        ThrowIfWrite(command);
        return result;
    }

    void ThrowIfWrite(DbCommand command)
    {
        var text = command.CommandText.TrimStart();
        if (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
        {
            ThrowIfDown(command.Connection);
        }
    }

    void ThrowIfDown(DbConnection? connection)
    {
        if (!down)
        {
            return;
        }
        Interlocked.Increment(ref failures);
        throw connection is SqliteConnection
            ? new SqliteException("SQLite Error 13: 'database or disk is full'.", 13, 13)
            : new NpgsqlException("Exception while reading from stream", new IOException("connection reset"));
    }
}
