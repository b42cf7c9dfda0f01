using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Auditing;
using Evacuation.Host.Cluster;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Routes;

/// <summary>
/// An operator's change to a crossing, applied: the new status and notes stored, and what <see cref="CrossingClosure"/>
/// says the change means for citizens done in the same transaction (a crash leaves all of it or none).
/// </summary>
public sealed class CrossingUpdates(
    EvacuationDb db,
    CrossingsFile crossings,
    SharedCrossings shared,
    Rerouting rerouting,
    TimeProvider time,
    DeliveryPulse pulse,
    LateArrivals lateArrivals,
    ILogger<CrossingUpdates> logger)
{
    public async Task<CrossingUpdated> ApplyAsync(Crossing crossing, CrossingStatus? status, string? notes, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (reroute, placed, before, after) = await StoreRetryingDeadlocksAsync(crossing, status, notes, actor, now, cancellationToken);
        if (after.Status == CrossingStatus.Closed)
        {
            lateArrivals.After(crossing, after.Status, actor); // another node may assign it for a moment longer
        }
        if (reroute.Messaged > 0)
        {
            pulse.Pulse();
        }
        string? warning = null;
        if (CrossingClosure.AllClosed(crossings.Crossings))
        {
            warning = CrossingClosure.AllClosedWarning;
            logger.LogWarning("Every crossing is closed (last: {Crossing} by {Actor}); {Waiting} citizens told to wait for instructions",
                crossing.Id, actor, reroute.Waiting);
        }
        logger.LogInformation("Crossing {Crossing} set to {Status} by {Actor}: {Rerouted} re-routed, {Messaged} messaged, {Withdrawn} stale messages withdrawn",
            crossing.Id, after.Status, actor, reroute.Rerouted, reroute.Messaged, reroute.Withdrawn);
        var count = await db.Citizens.CountAsync(c => c.AssignedCrossing == crossing.Id, cancellationToken);
        // The same status again (two officers closing it at once, or a retried request): say so, nothing was sent twice.
        var note = status is { } asked && asked == before
            ? $"{crossing.Id} was already {before}: nobody was moved or messaged again."
            : null;
        return new CrossingUpdated(CrossingView.Of(crossing, count), reroute, placed, warning) { Note = note };
    }

    /// <summary>
    /// In one transaction: the crossing's stored state, its citizens re-routed or the waiting placed, and the audit
    /// line. Changes are serialised across nodes (<see cref="SharedCrossings"/>) and start from the latest committed
    /// statuses. The status is set in memory first, so the moves (and any assignment made meanwhile) already avoid the
    /// crossing; it is put back if anything fails.
    /// </summary>
    async Task<(RerouteResult Reroute, int Placed, CrossingStatus Before, (CrossingStatus Status, string Notes) After)> StoreAsync(
        Crossing crossing, CrossingStatus? status, string? notes, string actor, DateTime now, CancellationToken cancellationToken)
    {
        using var serialised = await shared.LockAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await shared.LockRowsAndReadAsync(db, cancellationToken);
        var before = (crossing.Status, crossing.Notes);
        var after = (Status: status ?? crossing.Status, Notes: notes?.Trim() ?? crossing.Notes);
        try
        {
            (crossing.Status, crossing.Notes) = after;
            await SaveStateAsync(crossing, actor, now, cancellationToken);
            var consequence = CrossingClosure.Of(before.Status, after.Status);
            var reroute = consequence == CrossingConsequence.RerouteItsCitizens
                ? await rerouting.RerouteAsync(crossing, actor, now, cancellationToken)
                : RerouteResult.Nothing;
            var placed = consequence == CrossingConsequence.PlaceWaitingCitizens ? await rerouting.PlaceWaitingAsync(now, cancellationToken) : 0;
            db.Record(now, actor, "crossing.update", crossing.Id,
                $"status {before.Status} -> {after.Status}" + (after.Notes != before.Notes ? ", notes changed" : "")
                + $"; {reroute.Rerouted} citizens re-routed, {reroute.Waiting} told to wait, {reroute.Messaged} messaged, {reroute.Withdrawn} stale messages withdrawn"
                + (placed > 0 ? $", {placed} waiting citizens given a crossing" : ""));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (reroute, placed, before.Status, after);
        }
        catch
        {
            (crossing.Status, crossing.Notes) = before;
            throw;
        }
    }

    /// <summary>
    /// A closure moves many citizens while dispatchers record sends to the same citizens in another order, so PostgreSQL
    /// may pick the closure as a deadlock's victim (40P01) and roll it back. Nothing of it was committed: do it again.
    /// https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-DEADLOCKS
    /// </summary>
    async Task<(RerouteResult Reroute, int Placed, CrossingStatus Before, (CrossingStatus Status, string Notes) After)> StoreRetryingDeadlocksAsync(
        Crossing crossing, CrossingStatus? status, string? notes, string actor, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(crossing, status, notes, actor, now, cancellationToken);
            }
            catch (Exception e) when (attempt < 4 && IsDeadlock(e))
            {
                logger.LogWarning("Crossing {Crossing} update chosen as a deadlock victim; trying again ({Attempt})", crossing.Id, attempt);
                db.ChangeTracker.Clear();
            }
        }
    }

    static bool IsDeadlock(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }
        return false;
    }

    async Task SaveStateAsync(Crossing crossing, string actor, DateTime now, CancellationToken cancellationToken)
    {
        var state = await db.Crossings.SingleOrDefaultAsync(s => s.Id == crossing.Id, cancellationToken);
        if (state is null)
        {
            state = new CrossingState { Id = crossing.Id };
            db.Crossings.Add(state);
        }
        state.Status = crossing.Status;
        state.Notes = crossing.Notes;
        state.UpdatedAt = now;
        state.UpdatedBy = actor;
    }
}
