using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Auditing;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Routes;

/// <summary><c>/api/crossings</c>: the crossings with their live status and how many citizens each has; Admins change status and notes.</summary>
public static class CrossingEndpoints
{
    public const string AllClosedWarning =
        "Every crossing is now closed: citizens have no route and were told to wait for instructions. Reopen a crossing as soon as one is usable.";

    public static IEndpointRouteBuilder MapCrossings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/crossings").WithTags("Crossings");
        group.MapGet("/", ListAsync).RequireAuthorization(Roles.Viewer);
        group.MapGet("/{id}", ShowAsync).RequireAuthorization(Roles.Viewer);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(Roles.Admin);
        return app;
    }

    static async Task<IResult> ListAsync(EvacuationDb db, CrossingsFile crossings, CancellationToken cancellationToken)
    {
        var counts = await AssignedCountsAsync(db, cancellationToken);
        return TypedResults.Ok(crossings.Crossings.Select(c => CrossingView.Of(c, counts.GetValueOrDefault(c.Id))));
    }

    static async Task<IResult> ShowAsync(string id, EvacuationDb db, CrossingsFile crossings, CancellationToken cancellationToken)
    {
        if (!crossings.TryFindCrossing(id, out var crossing))
        {
            return Problem.NotFound($"No crossing has id '{id}'. GET /api/crossings lists them.");
        }
        var count = await db.Citizens.CountAsync(c => c.AssignedCrossing == crossing.Id, cancellationToken);
        return TypedResults.Ok(CrossingView.Of(crossing, count));
    }

    /// <summary>
    /// Stores the new status and notes. Closing or congesting a crossing moves exactly its citizens and queues their
    /// new route; opening one messages nobody but gives a crossing to those who had none.
    /// </summary>
    static async Task<IResult> UpdateAsync(
        string id, HttpContext context, EvacuationDb db, CrossingsFile crossings, Rerouting rerouting, TimeProvider time,
        DeliveryPulse pulse, ILogger<CrossingChange> logger)
    {
        var cancellationToken = context.RequestAborted;
        if (!crossings.TryFindCrossing(id, out var crossing))
        {
            return Problem.NotFound($"No crossing has id '{id}'. GET /api/crossings lists them.");
        }
        var (change, problem) = await JsonBody.ReadAsync<CrossingChange>(context);
        if (problem is not null)
        {
            return problem;
        }
        var (status, errors) = change!.Read();
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var actor = Roles.NameOf(context.User);
        var before = (crossing.Status, crossing.Notes);
        var after = (Status: status ?? crossing.Status, Notes: change.Notes?.Trim() ?? crossing.Notes);
        RerouteResult reroute;
        var placed = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                // In memory first, so the moves below (and any assignment made meanwhile) already avoid this crossing.
                crossing.Status = after.Status;
                crossing.Notes = after.Notes;
                var state = await db.Crossings.SingleOrDefaultAsync(s => s.Id == crossing.Id, cancellationToken);
                if (state is null)
                {
                    state = new CrossingState { Id = crossing.Id };
                    db.Crossings.Add(state);
                }
                state.Status = after.Status;
                state.Notes = after.Notes;
                state.UpdatedAt = now;
                state.UpdatedBy = actor;

                var worse = after.Status != before.Status && after.Status is CrossingStatus.Closed or CrossingStatus.Congested;
                reroute = worse ? await rerouting.RerouteAsync(crossing, actor, now, cancellationToken) : RerouteResult.Nothing;
                if (after.Status != before.Status && after.Status == CrossingStatus.Open)
                {
                    placed = await rerouting.PlaceWaitingAsync(now, cancellationToken);
                }
                db.Record(now, actor, "crossing.update", crossing.Id,
                    $"status {before.Status} -> {after.Status}" + (after.Notes != before.Notes ? ", notes changed" : "")
                    + $"; {reroute.Rerouted} citizens re-routed, {reroute.Waiting} told to wait, {reroute.Messaged} messaged"
                    + (placed > 0 ? $", {placed} waiting citizens given a crossing" : ""));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                crossing.Status = before.Status;
                crossing.Notes = before.Notes;
                throw;
            }
        }
        if (reroute.Messaged > 0)
        {
            pulse.Pulse();
        }

        string? warning = null;
        if (crossings.Crossings.All(c => c.Status == CrossingStatus.Closed))
        {
            warning = AllClosedWarning;
            logger.LogWarning("Every crossing is closed (last: {Crossing} by {Actor}); {Waiting} citizens told to wait for instructions",
                crossing.Id, actor, reroute.Waiting);
        }
        logger.LogInformation("Crossing {Crossing} set to {Status} by {Actor}: {Rerouted} re-routed, {Messaged} messaged",
            crossing.Id, after.Status, actor, reroute.Rerouted, reroute.Messaged);
        var count = await db.Citizens.CountAsync(c => c.AssignedCrossing == crossing.Id, cancellationToken);
        return TypedResults.Ok(new CrossingUpdated(CrossingView.Of(crossing, count), reroute, placed, warning));
    }

    static async Task<Dictionary<string, int>> AssignedCountsAsync(EvacuationDb db, CancellationToken cancellationToken) =>
        await db.Citizens
            .Where(c => c.AssignedCrossing != null)
            .GroupBy(c => c.AssignedCrossing!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
