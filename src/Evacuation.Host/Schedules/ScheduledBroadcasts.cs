using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Evacuation.Host.Auditing;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Evacuation.Host.Schedules;

/// <summary>
/// Broadcasts sent later: each one is a durable Quartz trigger in the persistent store, so it fires after a
/// restart too. When it fires, the broadcast moves from Scheduled to Queued and fan-out takes it from there; if
/// it fires more than <c>Broadcasts:MaxLateness</c> after its time, the broadcast is marked Missed instead.
/// </summary>
public sealed class ScheduledBroadcasts(
    ISchedulerFactory schedulers,
    IDbContextFactory<EvacuationDb> databases,
    TimeProvider time,
    DeliveryPulse pulse,
    IOptions<SchedulesOptions> options,
    ILogger<ScheduledBroadcasts> logger)
{
    public const string Actor = "scheduler";

    /// <summary>Why <paramref name="sendAt"/> cannot be scheduled, or null when it can.</summary>
    public string? Check(DateTime sendAt, DateTime now)
    {
        if (sendAt < now - ClockSkew)
        {
            return $"sendAt {sendAt:O} is in the past (now is {now:O}); leave it out to send at once";
        }
        if (sendAt > now + options.Value.MaxAhead)
        {
            return $"sendAt {sendAt:O} is more than {options.Value.MaxAhead.TotalDays:0.#} days ahead (Broadcasts:MaxAhead)";
        }
        return null;
    }

    /// <summary>A sendAt this close behind the server's clock is a clock difference, not a mistake: it sends at once.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public async Task ScheduleAsync(Guid broadcastId, DateTime sendAt, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(ScheduledBroadcastJob.TriggerKeyFor(broadcastId))
            .ForJob(ScheduledBroadcastJob.Key)
            .UsingJobData(ScheduledBroadcastJob.BroadcastIdKey, broadcastId.ToString())
            .StartAt(new DateTimeOffset(sendAt, TimeSpan.Zero))
            // Fired late (the service was down): fire once at start; ReleaseAsync decides whether it is too late.
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
    }

    /// <summary>Removes the broadcast's trigger; false when there was none (it already fired).</summary>
    public async Task<bool> UnscheduleAsync(Guid broadcastId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.UnscheduleJob(ScheduledBroadcastJob.TriggerKeyFor(broadcastId), cancellationToken);
    }

    /// <summary>
    /// What the trigger does: Scheduled → Queued, or → Missed when too late. Anything else (cancelled, already
    /// released by a double fire) is left alone, so firing twice sends nothing twice.
    /// </summary>
    public async Task<BroadcastState?> ReleaseAsync(Guid broadcastId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var broadcast = await db.Broadcasts.AsNoTracking().SingleOrDefaultAsync(b => b.Id == broadcastId, cancellationToken);
        if (broadcast is null || broadcast.State != BroadcastState.Scheduled)
        {
            return broadcast?.State;
        }
        var late = now - broadcast.SendAt;
        var next = late > options.Value.MaxLateness ? BroadcastState.Missed : BroadcastState.Queued;
        // The change and its audit entry together: whoever reads Missed also finds who marked it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Broadcasts
            .Where(b => b.Id == broadcastId && b.State == BroadcastState.Scheduled)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, next).SetProperty(b => b.FinishedAt, b => next == BroadcastState.Missed ? now : b.FinishedAt), cancellationToken);
        if (moved == 0)
        {
            return (await db.Broadcasts.AsNoTracking().SingleAsync(b => b.Id == broadcastId, cancellationToken)).State;
        }
        if (next == BroadcastState.Missed)
        {
            logger.LogWarning("Scheduled broadcast {BroadcastId} fired {Late} after its time; marked missed, not sent", broadcastId, late);
            db.Record(now, Actor, "broadcast.missed", broadcastId.ToString(), $"trigger fired {late:g} late, more than Broadcasts:MaxLateness {options.Value.MaxLateness:g}");
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (next == BroadcastState.Queued)
        {
            pulse.Pulse();
        }
        return next;
    }
}
