using System.Collections.Concurrent;
using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Evacuation.Host.Stats;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// The console's line when a broadcast finishes, with its counts. The sweeper shows it for each broadcast it saw
/// sending or the fan-out said had started (a small one can start and finish between two sweeps); answers to
/// citizens' own messages (one-recipient broadcasts, one per reply) are left out, as per-request noise.
/// </summary>
public sealed class BroadcastLines(IDbContextFactory<EvacuationDb> databases, BroadcastProgress progress, ILogger<BroadcastLines> logger)
{
    static readonly string[] Quiet = [Answers.CreatedBy, "citizen"];

    // Written by the fan-out and the sweeper, each from its own loop.
    readonly ConcurrentDictionary<Guid, (BroadcastKind Kind, string CreatedBy)> sending = [];

    /// <summary>A broadcast whose end is to be reported (the fan-out has just started it).</summary>
    public void Watch(Guid id, BroadcastKind kind, string createdBy)
    {
        if (!Quiet.Contains(createdBy))
        {
            sending.TryAdd(id, (kind, createdBy));
        }
    }

    /// <summary>Notes the broadcasts sending now and writes a line for each seen before that is sending no more.</summary>
    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = await db.Broadcasts.AsNoTracking()
            .Where(b => b.State == BroadcastState.Sending && !Quiet.Contains(b.CreatedBy))
            .Select(b => new { b.Id, b.Kind, b.CreatedBy })
            .ToListAsync(cancellationToken);
        var ids = now.Select(b => b.Id).ToHashSet();
        foreach (var (id, (kind, createdBy)) in sending.Where(s => !ids.Contains(s.Key)).ToList())
        {
            if (!sending.TryRemove(id, out _))
            {
                continue;
            }
            var broadcast = await db.Broadcasts.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
            if (broadcast is null)
            {
                continue; // removed (a drill cleaned up)
            }
            var counts = (await progress.ReadAsync(db, broadcast, cancellationToken)).Value;
            logger.LogInformation("Broadcast {BroadcastId} ({Kind}, by {CreatedBy}) {State}: {Sent} sent, {Failed} failed, {Cancelled} cancelled",
                id, kind, createdBy, broadcast.State.ToString().ToLowerInvariant(), counts.Sent, counts.Failed, counts.Cancelled);
        }
        foreach (var b in now)
        {
            sending.TryAdd(b.Id, (b.Kind, b.CreatedBy));
        }
    }

    /// <summary>Whether any broadcast is being watched (its end still to be reported).</summary>
    public bool Watching => !sending.IsEmpty;
}
