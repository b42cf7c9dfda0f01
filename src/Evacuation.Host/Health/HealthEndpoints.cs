using Evacuation.Core.Channels;
using Evacuation.Core.Health;
using Evacuation.Data;
using Evacuation.Host.Cluster;
using Evacuation.Host.Deliveries;
using Quartz;

namespace Evacuation.Host.Health;

/// <summary>
/// <c>GET /health</c> (liveness): 200 while the process answers, <c>ok</c> or <c>degraded</c> with each problem in
/// words (database unreachable, scheduler stopped, a channel stopped for misconfiguration, seen by any node).
/// <c>GET /health/ready</c> (for a load balancer or a deployment check): 503 when this node cannot get messages out
/// (the database is unreachable, or no channel can send). No key needed for either.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HttpContext context, CancellationToken ct) => TypedResults.Ok(await CheckAsync(context.RequestServices, ct)))
            .WithTags("Health").AllowAnonymous();
        app.MapGet("/health/ready", ReadyAsync).WithTags("Health").AllowAnonymous();
        return app;
    }

    static async Task<IResult> ReadyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var health = await CheckAsync(context.RequestServices, cancellationToken);
        return TypedResults.Json(health, statusCode: health.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    sealed record Answer(
        string Status, bool Ready, string Database, string Scheduler, IReadOnlyList<ChannelAnswer> Channels, IReadOnlyList<string> Problems, NodeAnswer Node);

    sealed record ChannelAnswer(string Channel, string Mode, bool CanSend, string? StoppedBecause, DateTime? StoppedSince, string? SeenBy, string? LastProbe);

    sealed record NodeAnswer(string Name, IReadOnlyList<string> Roles);

    static async Task<Answer> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var databaseProblem = await DatabaseProblemAsync(services.GetRequiredService<EvacuationDb>(), cancellationToken);
        var scheduler = await SchedulerStateAsync(services.GetRequiredService<ISchedulerFactory>(), cancellationToken);
        var stops = services.GetRequiredService<ChannelStops>().Stops;
        var channels = ChannelKinds.Outbound.Select(kind =>
        {
            var stop = stops.GetValueOrDefault(kind);
            var live = services.GetRequiredKeyedService<IChannel>(kind).IsLive;
            return (Condition: new ChannelCondition(kind, live, stop?.Reason, stop?.Since), Stop: stop);
        }).ToList();
        var judged = ServiceHealth.Judge(databaseProblem, scheduler, [.. channels.Select(c => c.Condition)]);
        var roles = services.GetRequiredService<NodeRoles>();
        return new Answer(
            judged.Status,
            judged.Ready,
            databaseProblem is null ? "ok" : "unreachable",
            scheduler,
            [.. channels.Select(c => new ChannelAnswer(c.Condition.Channel.ToString(), c.Condition.Live ? "live" : "sandbox", c.Condition.CanSend,
                c.Stop?.Reason, c.Stop?.Since, c.Stop?.SeenBy, c.Stop?.ProbeResult))],
            judged.Problems,
            new NodeAnswer(services.GetRequiredService<NodeIdentity>().Name, roles.Held));
    }

    static async Task<string?> DatabaseProblemAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        // Answer within a few seconds even when the database does not: health is how an operator learns that.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            return await db.Database.CanConnectAsync(limit.Token) ? null : "cannot connect";
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return "cannot connect (" + e.GetType().Name + ")";
        }
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
