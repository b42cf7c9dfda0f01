using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Evacuation.Host.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Approvals;

/// <summary>
/// Once a second: requests nobody approved within <c>Broadcasts:ApprovalWindow</c> become
/// <see cref="BroadcastState.ApprovalExpired"/>, audited, nothing sent. On several nodes each request expires once:
/// the change is conditional on the state it expects.
/// </summary>
public sealed class ApprovalExpiry(
    IDbContextFactory<EvacuationDb> databases,
    TimeProvider time,
    WriterQueue writers,
    ILogger<ApprovalExpiry> logger) : BackgroundService
{
    public const string Actor = "system";

    static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await ExpireDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Expiring unapproved broadcasts failed; trying again in {Period}", Every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Expires every request past its window; returns how many. Looks first, so an idle service writes nothing.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Broadcasts.AsNoTracking()
                .Where(b => b.State == BroadcastState.AwaitingApproval && b.ApprovalExpiresAt < now)
                .Select(b => b.Id).ToListAsync(cancellationToken);
        }
        var expired = 0;
        foreach (var id in due)
        {
            expired += await ExpireAsync(id, now, cancellationToken) ? 1 : 0;
        }
        return expired;
    }

    /// <summary>Expires one request if it is still waiting past its window; false when it was not (any more).</summary>
    public async Task<bool> ExpireAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Broadcasts
            .Where(b => b.Id == id && b.State == BroadcastState.AwaitingApproval && b.ApprovalExpiresAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BroadcastState.ApprovalExpired).SetProperty(b => b.FinishedAt, now), cancellationToken);
        if (moved == 0)
        {
            return false;
        }
        db.Record(now, Actor, "broadcast.approval-expired", id.ToString(), "nobody approved it within Broadcasts:ApprovalWindow; nothing was sent");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Broadcast {BroadcastId} expired: no second operator approved it in time; nothing was sent", id);
        return true;
    }
}
