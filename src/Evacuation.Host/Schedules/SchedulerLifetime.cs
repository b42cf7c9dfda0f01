using Evacuation.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Evacuation.Host.Schedules;

/// <summary>
/// Starts the Quartz scheduler once the service has started, and stops it with the service. Unlike Quartz's own
/// hosted service, a start is never cut off half way: a node stopped while its scheduler was still checking in with
/// the cluster (two nodes starting at once on one database can take seconds) had its start cancelled inside Quartz's
/// cluster manager, and the shutdown then failed on the half-made manager. Here the stop waits for the start to finish
/// (within the host's shutdown timeout), then always shuts the scheduler down, letting running jobs finish.
/// </summary>
public sealed class SchedulerLifetime(
    ISchedulerFactory schedulers,
    IDbContextFactory<EvacuationDb> databases,
    IHostApplicationLifetime lifetime,
    ILogger<SchedulerLifetime> logger) : IHostedService
{
    IScheduler? scheduler;
    Task? starting;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Made (and its store checked, its jobs added) during start-up, so a broken store stops start-up with the reason.
        // On PostgreSQL one node at a time: making the scheduler creates the tables and the cluster's lock rows, and
        // adds the jobs under those locks; nodes starting together raced to insert the rows, and the loser waited out a
        // retry pause with its transaction open (forever on a stopped test clock).
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var postgres = db is PostgresEvacuationDb;
        if (postgres)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({SetupLock})", cancellationToken);
        }
        try
        {
            scheduler = await schedulers.GetScheduler(cancellationToken);
            if (postgres)
            {
                await EnsureLockRowsAsync(db, cancellationToken);
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({SetupLock})", CancellationToken.None);
            }
        }
        starting = StartWhenTheServiceHasStartedAsync(scheduler);
    }

    /// <summary>"EvacQrtz" in ASCII: the advisory lock's number, which no other lock of ours uses.</summary>
    const long SetupLock = 0x4576_6163_5172_747A;

    /// <summary>The cluster's two lock rows, each in its own short statement, for a store made before they were.</summary>
    static async Task EnsureLockRowsAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        foreach (var name in (string[])["TRIGGER_ACCESS", "STATE_ACCESS"])
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ({0}, {1}) ON CONFLICT DO NOTHING",
                [SchedulerSetup.SchedulerName, name], cancellationToken);
        }
    }

    async Task StartWhenTheServiceHasStartedAsync(IScheduler started)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => ready.TrySetResult());
        using var onStopping = lifetime.ApplicationStopping.Register(() => ready.TrySetResult());
        await ready.Task;
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }
        try
        {
            await started.Start(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The scheduler did not start: reminders and scheduled broadcasts will not run on this node");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is null || starting is null)
        {
            return;
        }
        try
        {
            await starting.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("The scheduler was still starting when the service had to stop");
        }
        // Shut down here whatever became of the start (even one that failed): left to the container's disposal, the
        // scheduler's last signals would reach for services already disposed.
        if (scheduler.Status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown)
        {
            return;
        }
        try
        {
            // Running jobs may finish within the host's shutdown timeout; past it, no waiting.
            var wait = !cancellationToken.IsCancellationRequested;
            await scheduler.Shutdown(waitForJobsToComplete: wait, wait ? cancellationToken : CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The scheduler did not shut down cleanly");
        }
    }
}
