using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Auditing;
using Evacuation.Host.Broadcasts;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Approvals;

/// <summary>
/// A second operator's decision on a waiting broadcast. <see cref="Approval.Check"/> decides who may; the change is
/// conditional on the broadcast still waiting within its window, so of two operators deciding at once only one
/// succeeds and the other is told who was first.
/// </summary>
public sealed class Approvals(
    EvacuationDb db,
    TimeProvider time,
    ScheduledBroadcasts schedules,
    ApprovalExpiry expiry,
    DeliveryPulse pulse)
{
    public const int MaxReasonLength = 500;

    public async Task<IResult> DecideAsync(string id, string actor, bool approving, string? reason, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var broadcastId) || await ReadAsync(broadcastId, cancellationToken) is not { } broadcast)
        {
            return Problem.NotFound($"No broadcast has id '{Core.Texts.Shortened.WithEllipsis(id, 40)}'.");
        }
        if (reason?.Trim().Length > MaxReasonLength)
        {
            return Problem.BadRequest($"reason is {reason.Trim().Length} characters; keep it to {MaxReasonLength}.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (await RefusalAsync(broadcast, actor, approving, now, cancellationToken) is { } refused)
        {
            return refused;
        }
        var moved = approving
            ? await ApproveAsync(broadcast, actor, now, cancellationToken)
            : await RejectAsync(broadcast, actor, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now, cancellationToken);
        if (!moved)
        {
            // Someone else decided, or the window closed, between our read and our write.
            return await RefusalAsync(await ReadAsync(broadcastId, cancellationToken) ?? broadcast, actor, approving, now, cancellationToken)
                ?? Problem.Conflict("The broadcast changed while you were deciding; look at it again.");
        }
        pulse.Pulse();
        var after = (await ReadAsync(broadcastId, cancellationToken))!;
        return TypedResults.Ok(BroadcastView.Of(after, await BroadcastCounts.OfAsync(db, broadcastId, cancellationToken)));
    }

    /// <summary>The answer when <paramref name="actor"/> may not decide now; a request found past its window is expired on the spot.</summary>
    async Task<IResult?> RefusalAsync(Broadcast broadcast, string actor, bool approving, DateTime now, CancellationToken cancellationToken)
    {
        var check = Approval.Check(broadcast, actor, approving, now);
        if (Approval.HasExpired(broadcast, now))
        {
            await expiry.ExpireAsync(broadcast.Id, now, cancellationToken);
        }
        return check.Outcome switch
        {
            ApprovalOutcome.Allowed => null,
            ApprovalOutcome.Forbidden => Problem.Forbidden(check.Problem!),
            _ => Problem.Conflict(check.Problem!),
        };
    }

    async Task<bool> ApproveAsync(Broadcast broadcast, string actor, DateTime now, CancellationToken cancellationToken)
    {
        var (state, sendAt) = Approval.Release(broadcast, now);
        if (state == BroadcastState.Scheduled)
        {
            // The trigger first, as when a broadcast is scheduled without approval: a trigger without its broadcast
            // finds nothing to do, a scheduled broadcast without its trigger would wait forever.
            await schedules.ScheduleAsync(broadcast.Id, sendAt, cancellationToken);
        }
        var moved = await MoveAsync(broadcast.Id, now, s => s
            .SetProperty(b => b.State, state)
            .SetProperty(b => b.SendAt, sendAt)
            .SetProperty(b => b.DecidedBy, actor)
            .SetProperty(b => b.DecidedAt, now),
            actor, "broadcast.approve", $"approved {broadcast.Kind} to {broadcast.Recipients} recipients asked for by {broadcast.CreatedBy}" + (state == BroadcastState.Scheduled ? $", sending at {sendAt:O}" : ""), cancellationToken);
        if (!moved && state == BroadcastState.Scheduled)
        {
            await schedules.UnscheduleAsync(broadcast.Id, cancellationToken);
        }
        return moved;
    }

    Task<bool> RejectAsync(Broadcast broadcast, string actor, string? reason, DateTime now, CancellationToken cancellationToken) =>
        MoveAsync(broadcast.Id, now, s => s
            .SetProperty(b => b.State, BroadcastState.Rejected)
            .SetProperty(b => b.FinishedAt, now)
            .SetProperty(b => b.DecidedBy, actor)
            .SetProperty(b => b.DecidedAt, now)
            .SetProperty(b => b.DecisionNote, reason),
            actor, "broadcast.reject", $"rejected {broadcast.Kind} to {broadcast.Recipients} recipients asked for by {broadcast.CreatedBy}" + (reason is null ? "" : ": " + reason), cancellationToken);

    /// <summary>The change and its audit entry together, only if the broadcast still waits within its window.</summary>
    async Task<bool> MoveAsync(
        Guid id, DateTime now, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Broadcast>> change,
        string actor, string action, string detail, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Broadcasts
            .Where(b => b.Id == id && b.State == BroadcastState.AwaitingApproval && b.ApprovalExpiresAt >= now)
            .ExecuteUpdateAsync(change, cancellationToken);
        if (moved == 0)
        {
            return false;
        }
        db.Record(now, actor, action, id.ToString(), detail);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    Task<Broadcast?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Broadcasts.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
}
