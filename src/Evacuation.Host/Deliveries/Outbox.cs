using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// The delivery rows as the dispatchers and the sweeper see them: claim, record what a provider said, reclaim
/// expired leases, expire what passed its expiresAt, finish broadcasts. Each call is its own short transaction; none is
/// open while a provider is called.
/// </summary>
public sealed class Outbox(
    IDbContextFactory<EvacuationDb> databases,
    TimeProvider time,
    IOptions<DeliveriesOptions> options,
    DeliveryPulse pulse,
    ChannelStops stops,
    WriterQueue writers)
{
    DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<List<Delivery>> ClaimAsync(ChannelKind channel, int max, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = Now;
        return await db.ClaimDueAsync(writers, channel, max, now, now + options.Value.Lease, cancellationToken);
    }

    /// <summary>
    /// Puts claimed deliveries that were never tried back in the queue at once, without counting an attempt (the
    /// process is stopping, no pacing slot came in time, their chat is busy, or they did not fit in the claim's
    /// budget). Never for later on the service's clock: pacing runs on the real clock, and a row put off on a clock
    /// that does not move (a test's) would never fall due. Only rows still held by the claim that took them.
    /// </summary>
    public async Task GiveBackAsync(IReadOnlyCollection<Delivery> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        var claims = rows.Select(d => d.ClaimId).Distinct().ToList();
        var ids = rows.Select(d => d.Id).ToList();
        await db.Deliveries
            .Where(d => ids.Contains(d.Id) && claims.Contains(d.ClaimId) && d.State == DeliveryState.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Pending)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null)
                .SetProperty(d => d.Attempts, d => d.Attempts - 1), cancellationToken);
        pulse.Pulse();
    }

    /// <summary>
    /// Records one attempt per delivery, in one transaction: the next state, the citizen's timeline and last
    /// contact, unreachable channels and their fallback deliveries.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<(Delivery Delivery, SendResult Result)> attempts, CancellationToken cancellationToken)
    {
        if (attempts.Count == 0)
        {
            return;
        }
        var now = Now;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var broadcastIds = attempts.Select(a => a.Delivery.BroadcastId).Distinct().ToList();
        var broadcasts = (await db.Broadcasts.AsNoTracking()
            .Where(b => broadcastIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Kind, b.Channels })
            .ToListAsync(cancellationToken))
            .ToDictionary(b => b.Id, b => (b.Kind, b.Channels));
        using (await writers.TakeTurnAsync(cancellationToken))
        {
            await WriteAsync(db, attempts, broadcasts, now, cancellationToken);
        }
        pulse.Pulse();
    }

    async Task WriteAsync(
        EvacuationDb db,
        IReadOnlyList<(Delivery Delivery, SendResult Result)> attempts,
        Dictionary<Guid, (BroadcastKind Kind, ChannelPolicy Channels)> broadcasts,
        DateTime now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accepted = new List<SentDeliveries.Accepted>();
        foreach (var (delivery, result) in attempts)
        {
            if (!broadcasts.TryGetValue(delivery.BroadcastId, out var broadcast))
            {
                continue; // removed while it was being sent (a drill cleaned away): nothing left to record
            }
            var step = NextStep.After(result, delivery.Attempts, now, delivery.ExpiresAt, Random.Shared.NextDouble());
            if (step.StopChannel)
            {
                stops.Stop(delivery.Channel, result.Error ?? "misconfigured", now);
                await SetPendingAsync(db, delivery, now, result.Error, undoAttempt: true, cancellationToken);
                continue;
            }
            switch (step.State)
            {
                case DeliveryState.Sent:
                    accepted.Add(new SentDeliveries.Accepted(delivery.Id, delivery.ClaimId, delivery.CitizenId, result.ProviderMessageId,
                        SentDeliveries.DetailFor(broadcast.Kind.ToString(), delivery.Channel.ToString(), delivery.BroadcastId)));
                    break;
                case DeliveryState.Pending:
                    await SetPendingAsync(db, delivery, step.RetryAt ?? now, result.Error, undoAttempt: false, cancellationToken);
                    break;
                default:
                    var error = result.Outcome == SendOutcome.Retry ? NextStep.GaveUp(step.State, delivery.Attempts, result.Error) : result.Error;
                    var ended = await SetFinalAsync(db, delivery, step.State, error, cancellationToken) == 1;
                    if (ended && step.MarkUnreachable)
                    {
                        await UnreachableChannel.MarkAsync(db, delivery, broadcast.Kind, broadcast.Channels, now, cancellationToken);
                    }
                    else if (ended && step.State == DeliveryState.Failed)
                    {
                        await UnreachableChannel.FallBackAfterFailureAsync(db, delivery, broadcast.Kind, broadcast.Channels, now, cancellationToken);
                    }
                    break;
            }
        }
        await db.RecordAsync(accepted, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // In the same transaction: the broadcasts these attempts finished (one write turn instead of two).
        await Finished(db, broadcasts.Keys).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.State, BroadcastState.Completed)
            .SetProperty(b => b.FinishedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // Every write below names the claim (ClaimId): a row someone else claimed since our lease ran out is theirs.

    static Task<int> SetPendingAsync(EvacuationDb db, Delivery delivery, DateTime at, string? error, bool undoAttempt, CancellationToken cancellationToken) =>
        db.Deliveries
            .Where(d => d.Id == delivery.Id && d.ClaimId == delivery.ClaimId && d.State == DeliveryState.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Pending)
                .SetProperty(d => d.NextAttemptAt, at)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null)
                .SetProperty(d => d.Attempts, d => undoAttempt ? d.Attempts - 1 : d.Attempts)
                .SetProperty(d => d.LastError, Shorten(error)), cancellationToken);

    static Task<int> SetFinalAsync(EvacuationDb db, Delivery delivery, DeliveryState state, string? error, CancellationToken cancellationToken) =>
        db.Deliveries
            .Where(d => d.Id == delivery.Id && d.ClaimId == delivery.ClaimId && (d.State == DeliveryState.Sending || d.State == DeliveryState.Pending))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, state)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null)
                .SetProperty(d => d.LastError, Shorten(error)), cancellationToken);

    // The sweeps below look first with a read and write only when there is something to change: on SQLite an
    // UPDATE takes the single write lock even when it matches nothing, and fan-out and dispatchers need it.

    /// <summary>Claims whose lease ran out (their process died or hung) go back to pending.</summary>
    public async Task<int> ReclaimExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var count = 0;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        foreach (var channel in ChannelKinds.Outbound)
        {
            // Per channel so the claim index (channel, state, ...) finds the few rows in flight.
            var expired = db.Deliveries.Where(d => d.Channel == channel && d.State == DeliveryState.Sending && d.LeaseUntil < now);
            if (!await expired.AnyAsync(cancellationToken))
            {
                continue;
            }
            count += await expired.ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Pending)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null)
                .SetProperty(d => d.LastError, "lease expired with no answer recorded"), cancellationToken);
        }
        if (count > 0)
        {
            pulse.Pulse();
        }
        return count;
    }

    /// <summary>
    /// Pending deliveries past their <c>expiresAt</c> end as expired (also on a channel stopped for misconfiguration:
    /// the operator said not after then); pending deliveries of cancelled broadcasts are cancelled.
    /// </summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var expired = await db.Broadcasts.AsNoTracking()
            .Where(b => b.State == BroadcastState.Sending && b.ExpiresAt < now &&
                db.Deliveries.Any(d => d.BroadcastId == b.Id && d.State == DeliveryState.Pending))
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);
        var cancelled = await db.Broadcasts.AsNoTracking()
            .Where(b => b.State == BroadcastState.Cancelled && db.Deliveries.Any(d => d.BroadcastId == b.Id && d.State == DeliveryState.Pending))
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var id in expired)
        {
            changed += await db.Deliveries
                .Where(d => d.BroadcastId == id && d.State == DeliveryState.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.State, DeliveryState.Expired)
                    .SetProperty(d => d.LastError, NextStep.Expired), cancellationToken);
        }
        foreach (var id in cancelled)
        {
            changed += await db.Deliveries
                .Where(d => d.BroadcastId == id && d.State == DeliveryState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Cancelled), cancellationToken);
        }
        if (changed > 0)
        {
            pulse.Pulse();
        }
        return changed;
    }

    /// <summary>Claimed deliveries found past their expiry before they were sent end as expired, untried.</summary>
    public async Task ExpireClaimedAsync(IReadOnlyCollection<Delivery> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var ids = rows.Select(r => r.Id).ToList();
        var claims = rows.Select(r => r.ClaimId).Distinct().ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        await db.Deliveries
            .Where(d => ids.Contains(d.Id) && claims.Contains(d.ClaimId) && d.State == DeliveryState.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Expired)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null)
                .SetProperty(d => d.LastError, NextStep.Expired), cancellationToken);
        pulse.Pulse();
    }

    /// <summary>Broadcasts fully fanned out with nothing pending or sending become Completed.</summary>
    public async Task<int> CompleteFinishedAsync(IReadOnlyCollection<Guid>? broadcastIds, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var finished = Finished(db, broadcastIds);
        if (!await finished.AnyAsync(cancellationToken))
        {
            return 0;
        }
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        var count = await finished.ExecuteUpdateAsync(s => s
            .SetProperty(b => b.State, BroadcastState.Completed)
            .SetProperty(b => b.FinishedAt, now), cancellationToken);
        if (count > 0)
        {
            pulse.Pulse();
        }
        return count;
    }

    static IQueryable<Broadcast> Finished(EvacuationDb db, IReadOnlyCollection<Guid>? broadcastIds)
    {
        var finished = db.Broadcasts.Where(b => b.State == BroadcastState.Sending && b.FannedOutAt != null &&
            !db.Deliveries.Any(d => d.BroadcastId == b.Id && (d.State == DeliveryState.Pending || d.State == DeliveryState.Sending)));
        return broadcastIds is null ? finished : finished.Where(b => broadcastIds.Contains(b.Id));
    }

    static string? Shorten(string? error) => error is null ? null : Core.Texts.Shortened.To(error, 500);
}
