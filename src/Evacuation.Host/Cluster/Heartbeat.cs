using System.Diagnostics;
using Evacuation.Core.Cluster;
using Evacuation.Host.Deliveries;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Cluster;

/// <summary>
/// On PostgreSQL, every <see cref="ClusterOptions.Heartbeat"/>: writes this node's row, measures its clock against the
/// database's, and asks for (or renews) every role (<see cref="RoleLeases"/>). A role taken over from another node
/// takes back that node's in-flight claims at once. On stop the roles are handed back, so another node takes them at
/// its next heartbeat rather than at the lease's end.
/// </summary>
public sealed class Heartbeat(
    RoleLeases leases,
    NodeRoles roles,
    DatabaseClock clock,
    DeliveryPulse pulse,
    IOptions<ClusterOptions> options,
    ILogger<Heartbeat> logger) : BackgroundService
{
    readonly ClockOffset offset = new();
    bool failing;
    bool toldOffset;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Heartbeat);
        do
        {
            await BeatAsync(stoppingToken);
        }
        while (await Ticks(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        roles.LoseAll();
        try
        {
            await leases.HandBackAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not hand back this node's roles ({Error}); others take them when the lease ends", e.GetType().Name);
        }
    }

    async Task BeatAsync(CancellationToken stoppingToken)
    {
        try
        {
            var sent = DateTimeOffset.UtcNow;
            var databaseNow = await leases.WriteNodeAsync(string.Join(',', roles.Held), stoppingToken);
            Measure(sent, databaseNow, DateTimeOffset.UtcNow);
            foreach (var role in RoleNames.All)
            {
                await AskAsync(role, stoppingToken);
            }
            if (failing)
            {
                logger.LogInformation("Heartbeat written again; roles held: {Roles}", string.Join(", ", roles.Held));
            }
            failing = false;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The roles lapse by themselves (NodeRoles counts from the last confirmation); another node takes over.
            if (!failing)
            {
                logger.LogError("Heartbeat failed ({Error}): this node stops using its roles when their lease ends", e.GetType().Name);
            }
            failing = true;
        }
    }

    async Task AskAsync(string role, CancellationToken stoppingToken)
    {
        var askedAt = Stopwatch.GetTimestamp();
        var held = await leases.TakeOrRenewAsync(role, stoppingToken);
        if (held is null)
        {
            if (roles.Holds(role))
            {
                logger.LogWarning("Role {Role} is now held by another node", role);
            }
            roles.Lose(role);
            return;
        }
        if (held.Value.TakenNow)
        {
            var taken = RoleNames.ChannelOf(role) is { } channel ? await leases.TakeBackClaimsAsync(channel, stoppingToken) : 0;
            logger.LogInformation("Role {Role} taken (previous holder: {Previous}); {Claims} in-flight claims taken back", role, held.Value.Previous ?? "none", taken);
            if (taken > 0)
            {
                pulse.Pulse();
            }
        }
        roles.Confirm(role, askedAt, options.Value.ValidFor);
    }

    void Measure(DateTimeOffset sent, DateTime databaseNow, DateTimeOffset received)
    {
        var current = offset.Add(sent, new DateTimeOffset(databaseNow, TimeSpan.Zero), received);
        clock.Offset = current;
        if (ClockOffset.WorthSaying(current) && !toldOffset)
        {
            logger.LogWarning("This machine's clock is {Offset} away from the database's; the service uses the database's time", current);
        }
        toldOffset = ClockOffset.WorthSaying(current);
    }

    static async Task<bool> Ticks(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
