using System.Collections.Concurrent;
using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Evacuation.Host.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// Counts fan-out's failures per broadcast. Fan-out takes the oldest due broadcast first, so one it cannot write
/// (a database error on its rows, text that cannot be rendered) would be tried again and again ahead of every later
/// one: after <see cref="MostTries"/> failures in a row it is marked <see cref="BroadcastState.Failed"/> and audited
/// with the error, and fan-out moves on. Counted per process: on several nodes each gives up after its own tries.
/// </summary>
public sealed class FanOutFailures(IDbContextFactory<EvacuationDb> databases, WriterQueue writers, TimeProvider time, ILogger<FanOutFailures> logger)
{
    public const int MostTries = 3;

    readonly ConcurrentDictionary<Guid, int> failures = new();

    /// <summary>Fan-out finished the broadcast: its count starts again.</summary>
    public void Succeeded(Guid broadcastId) => failures.TryRemove(broadcastId, out _);

    /// <summary>Records a failure; true when this was the last try and the broadcast is now marked failed.</summary>
    public async Task<bool> FailedAsync(Guid broadcastId, Exception error, CancellationToken cancellationToken)
    {
        var tries = failures.AddOrUpdate(broadcastId, 1, (_, n) => n + 1);
        if (tries < MostTries)
        {
            logger.LogError(error, "Fan-out of broadcast {BroadcastId} failed (try {Try} of {Most}); trying again", broadcastId, tries, MostTries);
            return false;
        }
        failures.TryRemove(broadcastId, out _);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await db.Broadcasts
            .Where(b => b.Id == broadcastId && (b.State == BroadcastState.Queued || b.State == BroadcastState.Sending) && b.FannedOutAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BroadcastState.Failed).SetProperty(b => b.FinishedAt, now), cancellationToken);
        if (marked > 0)
        {
            db.Record(now, "system", "broadcast.fail", broadcastId.ToString(),
                Core.Texts.Shortened.To($"fan-out failed {MostTries} times; last error: {error.GetType().Name}: {error.Message}", 500));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogError(error, "Fan-out of broadcast {BroadcastId} failed {Most} times: marked Failed; later broadcasts go on", broadcastId, MostTries);
        return true;
    }
}
