using Evacuation.Data;
using Quartz;

namespace Evacuation.Host.Health;

/// <summary><c>GET /health</c>: 200 when the database answers and the Quartz scheduler runs; no key needed.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).WithTags("Health").AllowAnonymous();
        return app;
    }

    static async Task<IResult> CheckAsync(EvacuationDb db, ISchedulerFactory schedulers, CancellationToken cancellationToken)
    {
        var database = await db.Database.CanConnectAsync(cancellationToken);
        var scheduler = await SchedulerStateAsync(schedulers, cancellationToken);
        var healthy = database && scheduler is "running" or "starting";
        var body = new { status = healthy ? "ok" : "unavailable", database = database ? "ok" : "unreachable", scheduler };
        return healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>"running", "starting" (built, hosted service not yet started), "stopped" or "unavailable" (its store failed).</summary>
    static async Task<string> SchedulerStateAsync(ISchedulerFactory schedulers, CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return scheduler.Status switch
            {
                SchedulerStatus.Running => "running",
                SchedulerStatus.Created or SchedulerStatus.Standby => "starting",
                _ => "stopped",
            };
        }
        catch (SchedulerException)
        {
            return "unavailable";
        }
    }
}
