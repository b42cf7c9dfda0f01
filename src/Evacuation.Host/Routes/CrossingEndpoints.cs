using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Routes;

/// <summary><c>/api/crossings</c>: the crossings with their live status and how many citizens each has; Admins change status and notes.</summary>
public static class CrossingEndpoints
{
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
    /// Stores the new status and notes (<see cref="CrossingUpdates"/>). Closing or congesting a crossing moves exactly its
    /// citizens and queues their new route; opening one messages nobody but gives a crossing to those who had none.
    /// </summary>
    static async Task<IResult> UpdateAsync(string id, HttpContext context, CrossingsFile crossings, CrossingUpdates updates)
    {
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
        var updated = await updates.ApplyAsync(crossing, status, change.Notes, Roles.NameOf(context.User), context.RequestAborted);
        return TypedResults.Ok(updated);
    }

    static async Task<Dictionary<string, int>> AssignedCountsAsync(EvacuationDb db, CancellationToken cancellationToken) =>
        await db.Citizens
            .Where(c => c.AssignedCrossing != null)
            .GroupBy(c => c.AssignedCrossing!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
