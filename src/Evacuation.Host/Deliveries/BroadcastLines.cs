using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// The console's line when a broadcast finishes, with its counts. The sweeper shows it each broadcast it saw sending;
/// answers to citizens' own messages (one-recipient broadcasts, one per reply) are left out, as per-request noise.
/// </summary>
public sealed class BroadcastLines(IDbContextFactory<EvacuationDb> databases, ILogger<BroadcastLines> logger)
{
    static readonly string[] Quiet = [Answers.CreatedBy, "citizen"];

    readonly Dictionary<Guid, (BroadcastKind Kind, string CreatedBy)> sending = [];

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
            sending.Remove(id);
            var state = await db.Broadcasts.Where(b => b.Id == id).Select(b => (BroadcastState?)b.State).SingleOrDefaultAsync(cancellationToken);
            if (state is null)
            {
                continue; // removed (a drill cleaned up)
            }
            var counts = await BroadcastCounts.OfAsync(db, id, cancellationToken);
            logger.LogInformation("Broadcast {BroadcastId} ({Kind}, by {CreatedBy}) {State}: {Sent} sent, {Failed} failed, {Cancelled} cancelled",
                id, kind, createdBy, state.Value.ToString().ToLowerInvariant(), counts.Sent, counts.Failed, counts.Cancelled);
        }
        foreach (var b in now)
        {
            sending.TryAdd(b.Id, (b.Kind, b.CreatedBy));
        }
    }

    /// <summary>Whether any broadcast is being watched (its end still to be reported).</summary>
    public bool Watching => sending.Count > 0;
}
