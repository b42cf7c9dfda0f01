using Evacuation.Core.Channels;
using Evacuation.Core.Drills;
using Evacuation.Data;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Routes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Drills;

/// <summary>
/// Starts, follows and cleans drills; one at a time, and a new one only once the last is cleaned, so the demo
/// citizens in the registry always belong to one drill. The drill plays in this process; should the process stop,
/// the drill is marked Interrupted at the next start once its time is over (its citizens stay until cleaned).
/// </summary>
public sealed class DrillRunner(
    IServiceProvider services,
    IDbContextFactory<EvacuationDb> databases,
    WriterQueue writer,
    CrossingPlanner planner,
    DrillRun run,
    DrillCleaning cleaning,
    DeliveryPulse pulse,
    TimeProvider time,
    IOptions<DrillsOptions> options,
    ILogger<DrillRunner> logger) : IHostedService
{
    /// <summary>A drill's messages not sent in half an hour are not worth sending: the rehearsal has moved on.</summary>
    static readonly TimeSpan DrillMessagesExpireAfter = TimeSpan.FromMinutes(30);

    readonly SemaphoreSlim gate = new(1, 1);
    readonly CancellationTokenSource stopping = new();
    (Task Task, CancellationTokenSource Stop)? running;

    /// <summary>Why a drill may not start now, or null when it may.</summary>
    public string? Refusal(DrillSettings settings)
    {
        var live = ChannelKinds.Outbound.Where(k => services.GetRequiredKeyedService<IChannel>(k).IsLive).ToList();
        if (live.Count == 0)
        {
            return null;
        }
        var which = string.Join(" and ", live);
        if (!options.Value.AllowWithLiveChannels)
        {
            return $"{which} is live: drills run only when both channels are sandboxes, or on a service started with Drills:AllowWithLiveChannels=true and with forceSandbox (evac drill --force-sandbox).";
        }
        if (!settings.ForceSandbox)
        {
            return $"{which} is live: pass forceSandbox (evac drill --force-sandbox) to run the drill with its citizens' messages kept in the sandbox.";
        }
        return settings.CloseCrossing
            ? $"{which} is live: a drill's closure is a real closure that re-routes real citizens, so it is allowed only when both channels are sandboxes. Run the drill without closeCrossing."
            : null;
    }

    public async Task<(DrillView? View, string? Conflict)> StartAsync(DrillSettings settings, string actor, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            if (await db.Drills.AnyAsync(d => d.State != DrillState.Cleaned, cancellationToken))
            {
                return (null, "A drill is running or its citizens are still here: wait for it to end, then clean it (POST /api/drills/clean, evac drill --clean).");
            }
            var now = time.GetUtcNow().UtcDateTime;
            var drill = new Drill
            {
                StartedBy = actor, StartedAt = now, EndsAt = now + settings.Duration, Citizens = settings.Citizens,
                Minutes = settings.Minutes, CloseCrossing = settings.CloseCrossing, Seed = Random.Shared.Next(),
            };
            var citizens = await DrillSeeding.SeedAsync(db, writer, planner, drill, DrillMessagesExpireAfter, cancellationToken);
            var plan = DrillPlan.Make([.. citizens.Select(c => (c.Id, c.Language))], settings.Duration, settings.CloseCrossing, drill.Seed);
            drill.AnswersPlanned = plan.Answers.Count;
            await db.Drills.Where(d => d.Id == drill.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.AnswersPlanned, drill.AnswersPlanned), cancellationToken);
            pulse.Pulse();
            logger.LogInformation("Drill {DrillId} started by {Actor}: {Citizens} demo citizens over {Minutes} minutes{Closure}",
                drill.Id, actor, citizens.Count, settings.Minutes, settings.CloseCrossing ? ", a crossing closes halfway" : "");
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            running = (Task.Run(() => PlayAsync(drill, plan, citizens, stop.Token), CancellationToken.None), stop);
            return (await DrillView.OfAsync(db, drill, now, cancellationToken), null);
        }
        finally
        {
            gate.Release();
        }
    }

    async Task PlayAsync(Drill drill, DrillPlan plan, List<Core.Citizens.Citizen> citizens, CancellationToken cancellationToken)
    {
        try
        {
            await run.PlayAsync(drill, plan, citizens, DrillMessagesExpireAfter, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cleaned, or the service is stopping.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Drill {DrillId} stopped on an error; its citizens stay until cleaned", drill.Id);
            await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
            await db.Drills.Where(d => d.Id == drill.Id && d.State == DrillState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DrillState.Interrupted), CancellationToken.None);
        }
    }

    /// <summary>The last drill not cleaned, with its counters; null when there is none.</summary>
    public async Task<DrillView?> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var drill = await db.Drills.AsNoTracking().Where(d => d.State != DrillState.Cleaned).OrderByDescending(d => d.StartedAt).FirstOrDefaultAsync(cancellationToken);
        return drill is null ? null : await DrillView.OfAsync(db, drill, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>Stops a running drill and removes every drill citizen and their rows; null when there was nothing to clean.</summary>
    public async Task<DrillCleaned?> CleanAsync(string actor, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (running is { } drill)
            {
                await drill.Stop.CancelAsync();
                await drill.Task;
                running = null;
            }
            return await run.RetryAsync(() => cleaning.CleanAsync(actor, cancellationToken), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>At start: a drill still marked Running whose time is over was cut short by a stop.</summary>
    Task IHostedService.StartAsync(CancellationToken cancellationToken) => MarkInterruptedAsync(cancellationToken);

    async Task MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Drills.Where(d => d.State == DrillState.Running && d.EndsAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DrillState.Interrupted), cancellationToken);
    }

    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (running is { } drill)
        {
            await drill.Task.WaitAsync(cancellationToken);
        }
    }
}
