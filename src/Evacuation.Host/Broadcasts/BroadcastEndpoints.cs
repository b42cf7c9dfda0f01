using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Approvals;
using Evacuation.Host.Auditing;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Operators;
using Evacuation.Host.Routes;
using Evacuation.Host.Schedules;
using Evacuation.Host.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Broadcasts;

/// <summary><c>/api/broadcasts</c>: send (or estimate) a broadcast, follow its progress, list, cancel.</summary>
public static class BroadcastEndpoints
{
    public const int MaxListed = 200;

    public static IEndpointRouteBuilder MapBroadcasts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/broadcasts").WithTags("Broadcasts");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.Operator);
        group.MapGet("/", ListAsync).RequireAuthorization(Roles.Viewer);
        group.MapGet("/{id}", ShowAsync).RequireAuthorization(Roles.Viewer);
        group.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization(Roles.Operator);
        return app;
    }

    /// <summary>
    /// Stores the broadcast and answers 202 at once; fan-out and sending happen in the background. An audience of
    /// nobody is refused (a dry run answers it with zeros), so an operator's typo in a filter is not a silent no-op.
    /// </summary>
    static async Task<IResult> CreateAsync(
        HttpContext context, EvacuationDb db, CrossingsFile routes, TimeProvider time, DeliveryPulse pulse,
        ScheduledBroadcasts schedules, CrossingPlanner planner, Signature signature, ApprovalPolicy approvals, ChannelPacing pacing)
    {
        var (request, problem) = await JsonBody.ReadAsync<BroadcastRequest>(context);
        if (problem is not null)
        {
            return problem;
        }
        var (plan, errors) = BroadcastPlan.Read(request!, routes);
        if (plan is null)
        {
            return Problem.Invalid(errors);
        }
        if (RenderedLength.Problems(plan, routes, signature) is { Count: > 0 } tooLong)
        {
            return Problem.Invalid([.. tooLong]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (plan.SendAt is { } requested && schedules.Check(requested, now) is { } late)
        {
            return Problem.Invalid([late]);
        }
        if (plan.ExpiresAt is { } expiresAt && Expiries.Check(expiresAt, plan.SendAt is { } start && start > now ? start : now, now) is { } expiry)
        {
            return Problem.Invalid([expiry]);
        }
        var estimate = await BroadcastEstimate.CountAsync(db, plan, planner, signature, now, context.RequestAborted);
        var starts = plan.SendAt is { } from && from > now ? from : now;
        estimate = estimate with { Eta = await BroadcastEta.BeforeSendingAsync(db, estimate, plan.Priority, plan.ExpiresAt, starts, pacing, context.RequestAborted) };
        estimate = PaidBroadcastCost.With(estimate, context.RequestServices);
        if (request!.DryRun)
        {
            return TypedResults.Accepted((string?)null, new BroadcastAccepted(null, estimate.Recipients, estimate, true, plan.SendAt));
        }
        if (estimate.Recipients == 0)
        {
            return Problem.BadRequest("The audience matches nobody who can be reached on the chosen channels (opted-out citizens are never included). Widen the filters or choose other channels.");
        }
        var sendAt = plan.SendAt is { } at && at > now ? at : now;
        var actor = Roles.NameOf(context.User);
        var broadcast = NewBroadcast(plan, estimate.Recipients, actor, now, sendAt);
        // A large live broadcast waits for a second operator; its trigger is set only once approved.
        var held = approvals.HoldIfRequired(broadcast, estimate, now);
        if (broadcast.State == BroadcastState.Scheduled)
        {
            // The trigger first: a trigger whose broadcast was never saved fires and finds nothing to do, while a
            // saved broadcast without its trigger would wait forever.
            await schedules.ScheduleAsync(broadcast.Id, sendAt, context.RequestAborted);
        }
        db.Broadcasts.Add(broadcast);
        db.Record(now, actor, "broadcast.create", broadcast.Id.ToString(), AuditLine(plan, broadcast, now, held));
        await db.SaveChangesAsync(context.RequestAborted);
        pulse.Pulse();
        return TypedResults.Accepted($"/api/broadcasts/{broadcast.Id}",
            new BroadcastAccepted(broadcast.Id.ToString(), estimate.Recipients, estimate, false, sendAt > now ? sendAt : null, broadcast.State, broadcast.ApprovalExpiresAt));
    }

    static Broadcast NewBroadcast(BroadcastPlan plan, int recipients, string actor, DateTime now, DateTime sendAt) => new()
    {
        Kind = plan.Kind,
        TextsJson = JsonSerializer.Serialize(plan.Texts),
        AudienceJson = JsonSerializer.Serialize(plan.Audience),
        Channels = plan.Channels,
        Priority = plan.Priority,
        // A broadcast for later waits for its Quartz trigger (see Schedules/ScheduledBroadcasts).
        State = sendAt > now ? BroadcastState.Scheduled : BroadcastState.Queued,
        CreatedBy = actor,
        CreatedAt = now,
        SendAt = sendAt,
        ExpiresAt = plan.ExpiresAt,
        Recipients = recipients,
    };

    static string AuditLine(BroadcastPlan plan, Broadcast broadcast, DateTime now, bool held) =>
        $"{plan.Kind} to {broadcast.Recipients} recipients by {plan.Channels}"
        + (plan.Priority == DeliveryPriority.Urgent ? ", urgent" : "")
        + (broadcast.SendAt > now ? $", scheduled for {broadcast.SendAt:O}" : "")
        + (held ? $", waiting for a second operator until {broadcast.ApprovalExpiresAt:O}" : "");

    static async Task<IResult> ShowAsync(string id, EvacuationDb db, BroadcastProgress progress, SharedCounts shared, ChannelPacing pacing, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken) is not { } broadcast)
        {
            return Problem.NotFound($"No broadcast has id '{id}'.");
        }
        var counts = await progress.ReadAsync(db, broadcast, cancellationToken);
        // Counting what waits ahead reads the queue, so a large broadcast's eta is shared like the stats.
        var eta = broadcast.State == BroadcastState.Sending
            ? (await shared.ReadAsync($"eta:{broadcast.Id}", broadcast.Recipients, _ => 0,
                (counting, now, ct) => BroadcastEta.WhileSendingAsync(counting, broadcast, now, pacing, ct), cancellationToken)).Value
            : null;
        return TypedResults.Ok(BroadcastView.Of(broadcast, counts.Value, counts.AsOf) with { Eta = eta });
    }

    /// <summary>
    /// Newest first; <c>state</c> narrows the list (the dashboard asks for those <c>AwaitingApproval</c>), and
    /// <c>origin</c> says whose (<see cref="ListedOrigin"/>: operators' by default).
    /// </summary>
    static async Task<IResult> ListAsync(EvacuationDb db, CancellationToken cancellationToken, int? limit = null, string? state = null, string? origin = null)
    {
        var take = Math.Clamp(limit ?? 50, 1, MaxListed);
        var (listed, wrong) = ListedOrigin.Read(origin);
        if (wrong is not null)
        {
            return Problem.BadRequest(wrong);
        }
        var query = ListedOrigin.Apply(db.Broadcasts.AsNoTracking(), listed!);
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<BroadcastState>(state, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted) || int.TryParse(state, out _))
            {
                return Problem.BadRequest($"state '{state}' is not one of {string.Join(", ", Enum.GetNames<BroadcastState>())}.");
            }
            query = query.Where(b => b.State == wanted);
        }
        var rows = await query.OrderByDescending(b => b.CreatedAt).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(b => new BroadcastSummary(b.Id.ToString(), b.Kind, b.State, b.Channels, b.Recipients, b.CreatedBy, b.CreatedAt, b.SendAt)));
    }

    /// <summary>Stops what has not been sent: pending deliveries become cancelled; messages already with a provider are not recalled.</summary>
    static async Task<IResult> CancelAsync(string id, HttpContext context, EvacuationDb db, TimeProvider time, DeliveryPulse pulse, ScheduledBroadcasts schedules, BroadcastProgress progress)
    {
        var cancellationToken = context.RequestAborted;
        if (await FindAsync(db, id, cancellationToken) is not { } broadcast)
        {
            return Problem.NotFound($"No broadcast has id '{id}'.");
        }
        if (broadcast.State is BroadcastState.Completed or BroadcastState.Cancelled or BroadcastState.Missed or BroadcastState.Rejected or BroadcastState.ApprovalExpired or BroadcastState.Failed)
        {
            return Problem.Conflict($"The broadcast is already {broadcast.State.ToString().ToLowerInvariant()}; there is nothing left to cancel.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var actor = Roles.NameOf(context.User);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Broadcasts
            .Where(b => b.Id == broadcast.Id && (b.State == BroadcastState.Queued || b.State == BroadcastState.Sending || b.State == BroadcastState.Scheduled
                || b.State == BroadcastState.AwaitingApproval))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BroadcastState.Cancelled).SetProperty(b => b.FinishedAt, now), cancellationToken);
        if (changed == 0)
        {
            return Problem.Conflict("The broadcast finished while it was being cancelled; there is nothing left to cancel.");
        }
        var stopped = await db.Deliveries
            .Where(d => d.BroadcastId == broadcast.Id && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Cancelled), cancellationToken);
        db.Record(now, actor, "broadcast.cancel", broadcast.Id.ToString(), $"{stopped} pending deliveries cancelled");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (broadcast.State == BroadcastState.Scheduled)
        {
            // Had the trigger fired meanwhile, the broadcast would no longer be Scheduled and nothing is lost.
            await schedules.UnscheduleAsync(broadcast.Id, cancellationToken);
        }
        pulse.Pulse();
        broadcast.State = BroadcastState.Cancelled;
        broadcast.FinishedAt = now;
        var counts = await progress.ReadAsync(db, broadcast, cancellationToken);
        return TypedResults.Ok(BroadcastView.Of(broadcast, counts.Value, counts.AsOf));
    }

    static async Task<Broadcast?> FindAsync(EvacuationDb db, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var guid)
            ? await db.Broadcasts.AsNoTracking().SingleOrDefaultAsync(b => b.Id == guid, cancellationToken)
            : null;
}
