using Evacuation.Core.Channels;
using Evacuation.Core.Cluster;
using Evacuation.Data;
using Evacuation.Host.Cluster;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Health;

/// <summary>
/// Keeps <see cref="ChannelStops"/> and the <c>channel_stops</c> table in step every second (a stop seen on one node
/// stops the channel on all, and shows on every node's <c>GET /health</c>), and once a minute probes each stopped
/// channel whose sending role this node holds (<see cref="ICredentialProbe"/>: getMe, the Twilio account fetch). When
/// the provider accepts the credentials again the row goes and every node sends again.
/// </summary>
public sealed class ChannelWatch(
    IDbContextFactory<EvacuationDb> databases,
    WriterQueue writers,
    ChannelStops stops,
    NodeRoles roles,
    NodeIdentity identity,
    IServiceProvider services,
    DeliveryPulse pulse,
    TimeProvider time,
    ILogger<ChannelWatch> logger) : BackgroundService
{
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Repeat(SyncAsync, TimeSpan.FromSeconds(1), TimeProvider.System, stoppingToken), Repeat(ProbeAsync, ProbeEvery, time, stoppingToken));

    async Task Repeat(Func<CancellationToken, Task> work, TimeSpan every, TimeProvider clock, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stoppingToken);
                await work(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Channel stops could not be read or written ({Error}); trying again", e.GetType().Name);
            }
        }
    }

    /// <summary>Writes the stops seen here, then follows the table.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        while (stops.TryTakeUnwritten(out var stop))
        {
            if (await db.ChannelStops.AnyAsync(s => s.Channel == stop.Channel, cancellationToken))
            {
                continue;
            }
            stop.SeenBy = identity.Name;
            stop.Since = stop.Since == default ? time.GetUtcNow().UtcDateTime : stop.Since;
            db.ChannelStops.Add(stop);
            using (await writers.TakeTurnAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        stops.Follow(await db.ChannelStops.AsNoTracking().ToListAsync(cancellationToken));
    }

    /// <summary>Asks the provider of each stopped channel this node sends for whether the credentials work again.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in stops.Stopped.Where(c => roles.Holds(RoleNames.SenderOf(c))))
        {
            if (services.GetRequiredKeyedService<IChannel>(channel) is not ICredentialProbe probe)
            {
                continue;
            }
            var answer = await probe.ProbeAsync(cancellationToken);
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            using var turn = await writers.TakeTurnAsync(cancellationToken);
            var rows = db.ChannelStops.Where(s => s.Channel == channel);
            if (answer.Outcome == SendOutcome.Sent)
            {
                await rows.ExecuteDeleteAsync(cancellationToken);
                stops.Resume(channel);
                pulse.Pulse();
                continue;
            }
            var said = answer.Error is { Length: > 400 } text ? text[..400] : answer.Error;
            var result = answer.Outcome == SendOutcome.Misconfigured ? "still refused: " + said : "provider not reached: " + said;
            logger.LogWarning("{Channel} channel stays stopped: {Result}", channel, result);
            var now = time.GetUtcNow().UtcDateTime;
            await rows.ExecuteUpdateAsync(s => s.SetProperty(r => r.ProbedAt, now).SetProperty(r => r.ProbeResult, result), cancellationToken);
        }
    }
}
