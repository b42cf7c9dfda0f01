using Evacuation.Core.Drills;
using Evacuation.Host.Api;
using Evacuation.Host.Operators;

namespace Evacuation.Host.Drills;

/// <summary><c>/api/drills</c>: start a drill (Admin), follow the current one (Viewer), clean it away (Admin).</summary>
public static class DrillEndpoints
{
    public sealed record DrillRequest(int? Citizens, double? Minutes, bool? CloseCrossing, bool? ForceSandbox);

    public static IEndpointRouteBuilder MapDrills(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/drills").WithTags("Drills");
        group.MapPost("/", StartAsync).RequireAuthorization(Roles.Admin);
        group.MapGet("/current", CurrentAsync).RequireAuthorization(Roles.Viewer);
        group.MapPost("/clean", CleanAsync).RequireAuthorization(Roles.Admin);
        return app;
    }

    static async Task<IResult> StartAsync(HttpContext context, DrillRunner drills)
    {
        var (request, problem) = await JsonBody.ReadAsync<DrillRequest>(context);
        if (problem is not null)
        {
            return problem;
        }
        var settings = new DrillSettings(request?.Citizens ?? DrillSettings.DefaultCitizens, request?.Minutes ?? DrillSettings.DefaultMinutes,
            request?.CloseCrossing ?? false, request?.ForceSandbox ?? false);
        if (settings.Check() is { Count: > 0 } errors)
        {
            return Problem.Invalid(errors);
        }
        if (drills.Refusal(settings) is { } refusal)
        {
            return Problem.Conflict(refusal);
        }
        var (view, conflict) = await drills.StartAsync(settings, Roles.NameOf(context.User), context.RequestAborted);
        return conflict is not null ? Problem.Conflict(conflict) : TypedResults.Accepted("/api/drills/current", view);
    }

    static async Task<IResult> CurrentAsync(DrillRunner drills, CancellationToken cancellationToken) =>
        await drills.CurrentAsync(cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problem.NotFound("No drill is running or waiting to be cleaned. Start one with POST /api/drills (evac drill).");

    static async Task<IResult> CleanAsync(HttpContext context, DrillRunner drills) =>
        await drills.CleanAsync(Roles.NameOf(context.User), context.RequestAborted) is { } cleaned
            ? TypedResults.Ok(cleaned)
            : Problem.NotFound("There is no drill to clean.");
}
