using Evacuation.Data;

namespace Evacuation.Host.Health;

/// <summary><c>GET /health</c>: 200 when the database answers (and, once it exists, the scheduler runs); no key needed.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).WithTags("Health").AllowAnonymous();
        return app;
    }

    static async Task<IResult> CheckAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        var database = await db.Database.CanConnectAsync(cancellationToken);
        var body = new { status = database ? "ok" : "unavailable", database = database ? "ok" : "unreachable" };
        return database ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
