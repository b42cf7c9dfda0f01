using Evacuation.Core.Drills;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Auditing;

using Evacuation.Host.Deliveries;
using Evacuation.Host.Routes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Drills;

/// <summary>
/// Halfway through a drill that asked for it, the open crossing with the most drill citizens closes, through the same
/// re-routing as an Admin's closure: its citizens get their next crossing and new route instructions. This is a real
/// closure (only allowed when both channels are sandboxes); cleaning the drill restores the crossing as it was.
/// </summary>
public sealed class DrillClosure(
    IServiceScopeFactory scopes, CrossingsFile crossings, DeliveryPulse pulse, TimeProvider time, ILogger<DrillClosure> logger)
{
    public async Task CloseAsync(Drill drill, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvacuationDb>();
        var busiest = await db.Citizens.Where(c => c.DrillId == drill.Id && c.AssignedCrossing != null)
            .GroupBy(c => c.AssignedCrossing!)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count)
            .ToListAsync(cancellationToken);
        var crossing = busiest.Select(b => crossings.Crossings.FirstOrDefault(c => c.Id == b.Id)).FirstOrDefault(c => c?.Status == CrossingStatus.Open);
        if (crossing is null)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        drill.CrossingId = crossing.Id;
        drill.CrossingClosedAt = now;
        drill.CrossingStatusBefore = crossing.Status.ToString();
        drill.CrossingNotesBefore = crossing.Notes;
        var result = await SetAsync(db, scope.ServiceProvider.GetRequiredService<Rerouting>(), crossing, drill, now, cancellationToken);
        pulse.Pulse();
        logger.LogInformation("Drill {DrillId}: crossing {Crossing} closed, {Rerouted} citizens re-routed", drill.Id, crossing.Id, result.Rerouted);
    }

    /// <summary>Cleaning: the crossing the drill closed opens again as it was, unless an operator changed it since.</summary>
    public async Task RestoreAsync(EvacuationDb db, Drill drill, string actor, CancellationToken cancellationToken)
    {
        if (drill.CrossingId is null || !crossings.TryFindCrossing(drill.CrossingId, out var crossing) || crossing.Status != CrossingStatus.Closed
            || !Enum.TryParse<CrossingStatus>(drill.CrossingStatusBefore, out var before))
        {
            return;
        }
        var state = await db.Crossings.SingleOrDefaultAsync(s => s.Id == crossing.Id, cancellationToken);
        if (state?.UpdatedBy != DrillSeeding.Author)
        {
            return; // an operator has changed it since the drill closed it: theirs stands
        }
        crossing.Status = before;
        crossing.Notes = drill.CrossingNotesBefore ?? "";
        state.Status = before;
        state.Notes = drill.CrossingNotesBefore ?? "";
        state.UpdatedAt = time.GetUtcNow().UtcDateTime;
        state.UpdatedBy = actor;
        db.Record(state.UpdatedAt, actor, "crossing.update", crossing.Id, $"status Closed -> {before}: restored by cleaning drill {drill.Id}");
    }

    async Task<RerouteResult> SetAsync(
        EvacuationDb db, Rerouting rerouting, Crossing crossing, Drill drill, DateTime now, CancellationToken cancellationToken)
    {
        const CrossingStatus status = CrossingStatus.Closed;
        var before = crossing.Status;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            crossing.Status = status;
            var state = await db.Crossings.SingleOrDefaultAsync(s => s.Id == crossing.Id, cancellationToken);
            if (state is null)
            {
                state = new CrossingState { Id = crossing.Id };
                db.Crossings.Add(state);
            }
            state.Status = status;
            state.Notes = crossing.Notes ?? "";
            state.UpdatedAt = now;
            state.UpdatedBy = DrillSeeding.Author;
            var result = await rerouting.RerouteAsync(crossing, DrillSeeding.Author, now, cancellationToken);
            db.Record(now, DrillSeeding.Author, "crossing.update", crossing.Id,
                $"status {before} -> {status} by drill {drill.Id}; {result.Rerouted} citizens re-routed, {result.Messaged} messaged");
            await db.Drills.Where(d => d.Id == drill.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.CrossingId, drill.CrossingId)
                .SetProperty(d => d.CrossingClosedAt, drill.CrossingClosedAt)
                .SetProperty(d => d.CrossingStatusBefore, drill.CrossingStatusBefore)
                .SetProperty(d => d.CrossingNotesBefore, drill.CrossingNotesBefore), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            crossing.Status = before;
            throw;
        }
    }
}
