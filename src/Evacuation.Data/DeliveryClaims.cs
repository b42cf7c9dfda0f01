using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data;

/// <summary>
/// Claiming due deliveries for a dispatcher: one atomic statement moves up to <c>max</c> rows from pending to
/// sending with a lease and returns them, so two dispatchers (or two processes) never claim the same row. Higher
/// priorities first (lower numbers), oldest first within one; the index on (channel, state, priority, next attempt)
/// serves both the filter and the order, so the claim reads only the rows it takes, however long the queue.
/// </summary>
/// <remarks>
/// PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c> lets concurrent claimers pass over each other's rows instead of
/// waiting (https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE).
/// SQLite has one writer at a time, so the single <c>UPDATE ... RETURNING</c> is already exclusive
/// (https://www.sqlite.org/lang_returning.html).
/// </remarks>
public static class DeliveryClaims
{
    const string ClaimSql = """
        UPDATE deliveries SET "State" = 'Sending', "LeaseUntil" = {0}, "Attempts" = "Attempts" + 1, "ClaimId" = {4}
        WHERE "Id" IN (
            SELECT "Id" FROM deliveries
            WHERE "Channel" = {1} AND "State" = 'Pending' AND "NextAttemptAt" <= {2}
            ORDER BY "Priority", "NextAttemptAt"
            LIMIT {3}
        """;

    public static async Task<List<Delivery>> ClaimDueAsync(
        this EvacuationDb db, WriterQueue writers, ChannelKind channel, int max, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        // Looking is a read, which never waits for SQLite's single writer; most idle polls end here. Looking again once
        // it is our turn spares a write when another dispatcher, woken by the same pulse, took everything first.
        if (!await AnyDueAsync(db, channel, now, cancellationToken))
        {
            return [];
        }
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        if (!await AnyDueAsync(db, channel, now, cancellationToken))
        {
            return [];
        }
        var sql = db is PostgresEvacuationDb ? ClaimSql + " FOR UPDATE SKIP LOCKED) RETURNING *" : ClaimSql + ") RETURNING *";
        var claimed = await db.Deliveries
            .FromSqlRaw(sql, leaseUntil, channel.ToString(), now, max, Guid.NewGuid())
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        // RETURNING gives rows in no promised order: the dispatcher sends them in this one.
        return [.. claimed.OrderBy(d => d.Priority).ThenBy(d => d.NextAttemptAt)];
    }

    static Task<bool> AnyDueAsync(EvacuationDb db, ChannelKind channel, DateTime now, CancellationToken cancellationToken) =>
        db.Deliveries.AnyAsync(d => d.Channel == channel && d.State == DeliveryState.Pending && d.NextAttemptAt <= now, cancellationToken);
}
