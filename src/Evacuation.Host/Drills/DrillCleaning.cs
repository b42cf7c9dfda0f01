using Evacuation.Core.Deliveries;
using Evacuation.Core.Drills;
using Evacuation.Data;
using Evacuation.Host.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Drills;

/// <summary>What a cleaning removed.</summary>
public sealed record DrillCleaned(int Citizens, int Deliveries, int Replies, int Events, int Broadcasts, int Cases, string? CrossingRestored);

/// <summary>
/// Removes every drill citizen and everything about them (deliveries, replies, timeline events, help cases, the
/// broadcasts that were only for them) in one transaction, restores a crossing the drill closed, and marks the drills Cleaned. The
/// drill rows and the audit log stay: who ran which drill, when, and what it did.
/// </summary>
public sealed class DrillCleaning(IDbContextFactory<EvacuationDb> databases, WriterQueue writer, DrillClosure closure, TimeProvider time, ILogger<DrillCleaning> logger)
{
    /// <summary>
    /// Lets the drill's traffic settle first (a few seconds at most): its queued messages are cancelled (answers to its
    /// replies included, as they come), and the messages already with a sandbox and the replies still being interpreted
    /// are let finish, so nothing about a drill citizen is written after they are gone.
    /// </summary>
    static async Task UntilSettledAsync(EvacuationDb db, IQueryable<Core.Citizens.Citizen> demo, CancellationToken cancellationToken)
    {
        for (var look = 0; look < 50; look++)
        {
            await db.Deliveries.Where(d => d.State == DeliveryState.Pending && demo.Any(c => c.Id == d.CitizenId))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Cancelled), cancellationToken);
            var busy = await db.Deliveries.AnyAsync(d => d.State == DeliveryState.Sending && demo.Any(c => c.Id == d.CitizenId), cancellationToken)
                || await db.Replies.AnyAsync(r => r.InterpretedAt == null && r.ProviderKey.StartsWith(DrillRun.KeyPrefix), cancellationToken);
            if (!busy)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    public async Task<DrillCleaned?> CleanAsync(string actor, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var drills = await db.Drills.Where(d => d.State != DrillState.Cleaned).ToListAsync(cancellationToken);
        var demo = db.Citizens.InDrills();
        if (drills.Count == 0 && !await demo.AnyAsync(cancellationToken))
        {
            return null;
        }
        await UntilSettledAsync(db, demo, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        using var turn = await writer.TakeTurnAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The drill's own broadcasts first, so a fan-out still writing one of them stops (it finds the row gone).
        // One that also reached real citizens (a closure's re-routing) stays, with their deliveries.
        var broadcasts = await db.Broadcasts
            .Where(b => b.CreatedBy == DrillSeeding.Author && !db.Deliveries.Any(d => d.BroadcastId == b.Id && !demo.Any(c => c.Id == d.CitizenId)))
            .ExecuteDeleteAsync(cancellationToken);
        // Deliveries to drill citizens, and any to nobody (written by a worker that had read a drill row just before).
        var theirs = db.Deliveries.Where(d => demo.Any(c => c.Id == d.CitizenId) || !db.Citizens.Any(c => c.Id == d.CitizenId));
        var touched = await theirs.Select(d => d.BroadcastId).Distinct().ToListAsync(cancellationToken);
        var deliveries = await theirs.ExecuteDeleteAsync(cancellationToken);
        var replies = await db.Replies.Where(r => demo.Any(c => c.Id == r.CitizenId) || r.ProviderKey.StartsWith(DrillRun.KeyPrefix)).ExecuteDeleteAsync(cancellationToken);
        var events = await db.CitizenEvents.Where(e => demo.Any(c => c.Id == e.CitizenId) || !db.Citizens.Any(c => c.Id == e.CitizenId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var chunk in touched.Chunk(500))
        {
            var ids = chunk.ToList();
            broadcasts += await db.Broadcasts.Where(b => ids.Contains(b.Id) && !db.Deliveries.Any(d => d.BroadcastId == b.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        var helpCases = db.HelpCases.Where(h => demo.Any(c => c.Id == h.CitizenId));
        await db.CaseNotes.Where(n => helpCases.Any(h => h.Id == n.CaseId)).ExecuteDeleteAsync(cancellationToken);
        var cases = await helpCases.ExecuteDeleteAsync(cancellationToken);
        var citizens = await demo.ExecuteDeleteAsync(cancellationToken);
        string? restored = null;
        foreach (var drill in drills)
        {
            await closure.RestoreAsync(db, drill, actor, cancellationToken);
            restored ??= drill.CrossingId;
            drill.State = DrillState.Cleaned;
            drill.CleanedAt = now;
            drill.CleanedBy = actor;
        }
        var cleaned = new DrillCleaned(citizens, deliveries, replies, events, broadcasts, cases, restored);
        db.Record(now, actor, "drill.clean", drills.Count == 1 ? drills[0].Id.ToString() : null,
            $"{citizens} demo citizens, {deliveries} deliveries, {replies} replies, {events} timeline events, {cases} help cases and {broadcasts} broadcasts removed");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Drill cleaned by {Actor}: {Citizens} demo citizens and their rows removed", actor, citizens);
        return cleaned;
    }
}
