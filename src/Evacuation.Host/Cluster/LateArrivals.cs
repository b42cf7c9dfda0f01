using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Auditing;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Routes;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Cluster;

/// <summary>
/// Closes the window in which a node that has not yet read a closure (it reads the crossings every
/// <see cref="ClusterOptions.CrossingRefresh"/>) assigns a citizen the crossing that has just closed or jammed. A while
/// after the closure committed (twice the refresh and a second), the closing node re-routes the crossing once more, under
/// the same lock: by then every node has seen the closure, so whoever is still assigned there arrived late, and is moved
/// and sent new instructions like the others. Only with several nodes (PostgreSQL); one process has no such window.
/// </summary>
public sealed class LateArrivals(
    IServiceScopeFactory scopes,
    NodeRoles roles,
    TimeProvider time,
    IOptions<ClusterOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<LateArrivals> logger)
{
    /// <summary>Called once a change that re-routes a crossing's citizens has committed.</summary>
    public void After(Crossing crossing, CrossingStatus status, string actor)
    {
        if (roles.IsElected)
        {
            var due = time.GetUtcNow() + options.Value.CrossingRefresh * 2 + TimeSpan.FromSeconds(1);
            _ = Task.Run(() => CatchAsync(crossing, status, actor, due, lifetime.ApplicationStopping), CancellationToken.None);
        }
    }

    async Task CatchAsync(Crossing crossing, CrossingStatus status, string actor, DateTimeOffset due, CancellationToken stopping)
    {
        try
        {
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stopping);
            }
            var late = await RerouteAsync(crossing, status, actor, stopping);
            if (late.Rerouted + late.Waiting > 0)
            {
                logger.LogWarning("{Count} citizens were assigned crossing {Crossing} by another node after it became {Status}; re-routed and messaged",
                    late.Rerouted + late.Waiting, crossing.Id, status);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The service is stopping.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Re-routing late arrivals at crossing {Crossing} failed", crossing.Id);
        }
    }

    async Task<RerouteResult> RerouteAsync(Crossing crossing, CrossingStatus status, string actor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvacuationDb>();
        var shared = scope.ServiceProvider.GetRequiredService<SharedCrossings>();
        using var serialised = await shared.LockAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await shared.LockRowsAndReadAsync(db, cancellationToken);
        if (crossing.Status != status)
        {
            return RerouteResult.Nothing; // changed again since: that change re-routed (or re-opened) it
        }
        var now = time.GetUtcNow().UtcDateTime;
        var late = await scope.ServiceProvider.GetRequiredService<Rerouting>().RerouteAsync(crossing, actor, now, cancellationToken);
        if (late.Rerouted + late.Waiting > 0)
        {
            db.Record(now, actor, "crossing.late-arrivals", crossing.Id, $"{late.Rerouted} re-routed, {late.Waiting} told to wait, {late.Messaged} messaged");
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<DeliveryPulse>().Pulse();
        return late;
    }
}
