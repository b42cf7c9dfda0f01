using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Auditing;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Evacuation.Core.Drills;

namespace Evacuation.Host.Reminders;

/// <summary>
/// <c>/api/reminders</c>: when the sweep runs next, what it did, and pause/resume for Admins. Pausing pauses the
/// trigger group in the persistent store, so a pause survives a restart and holds on every instance. Pausing what
/// is paused (or resuming what runs) is a 409, so an operator who thought they paused learns someone else did.
/// </summary>
public static class ReminderEndpoints
{
    public static IEndpointRouteBuilder MapReminders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reminders").WithTags("Reminders");
        group.MapGet("/", ShowAsync).RequireAuthorization(Roles.Viewer);
        group.MapPost("/pause", (HttpContext c, ISchedulerFactory s, EvacuationDb db, TimeProvider t) => SwitchAsync(c, s, db, t, pause: true))
            .RequireAuthorization(Roles.Admin);
        group.MapPost("/resume", (HttpContext c, ISchedulerFactory s, EvacuationDb db, TimeProvider t) => SwitchAsync(c, s, db, t, pause: false))
            .RequireAuthorization(Roles.Admin);
        return app;
    }

    static readonly GroupMatcher<TriggerKey> Group = GroupMatcher<TriggerKey>.GroupEquals(ReminderSweepJob.Group);

    static async Task<IResult> ShowAsync(
        ISchedulerFactory schedulers, EvacuationDb db, ReminderSweep sweep, IOptions<RemindersOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ViewAsync(schedulers, db, sweep, options.Value, cancellationToken));

    static async Task<RemindersView> ViewAsync(
        ISchedulerFactory schedulers, EvacuationDb db, ReminderSweep sweep, RemindersOptions options, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(ReminderSweepJob.TriggerKey, cancellationToken);
        var state = await scheduler.GetTriggerState(ReminderSweepJob.TriggerKey, cancellationToken);
        var waiting = db.Citizens.NotInDrills().AsNoTracking()
            .Where(c => c.Status == JourneyStatus.Unconfirmed || c.Status == JourneyStatus.OnTheWay);
        var reminded = await waiting.CountAsync(c => c.RemindersSent > 0 && c.EscalatedAt == null, cancellationToken);
        var escalated = await waiting.CountAsync(c => c.EscalatedAt != null, cancellationToken);
        return new RemindersView(
            options.Cron,
            state == TriggerState.Paused,
            state == TriggerState.Paused ? null : trigger?.NextFireTimeUtc?.UtcDateTime,
            trigger?.PreviousFireTimeUtc?.UtcDateTime,
            sweep.Last,
            reminded,
            escalated,
            options.MaxReminders);
    }

    static async Task<IResult> SwitchAsync(HttpContext context, ISchedulerFactory schedulers, EvacuationDb db, TimeProvider time, bool pause)
    {
        var cancellationToken = context.RequestAborted;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var paused = await scheduler.GetTriggerState(ReminderSweepJob.TriggerKey, cancellationToken) == TriggerState.Paused;
        if (paused == pause)
        {
            return Problem.Conflict(pause ? "Reminders are already paused; POST /api/reminders/resume starts them again." : "Reminders are not paused.");
        }
        if (pause)
        {
            await scheduler.PauseTriggerGroups(Group, cancellationToken);
        }
        else
        {
            await scheduler.ResumeTriggerGroups(Group, cancellationToken);
        }
        db.Record(time.GetUtcNow().UtcDateTime, Roles.NameOf(context.User), pause ? "reminders.pause" : "reminders.resume", "reminder-sweep",
            pause ? "reminder sweep paused" : "reminder sweep resumed");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new { paused = pause });
    }
}

/// <summary>The answer of <c>GET /api/reminders</c>.</summary>
public sealed record RemindersView(
    string Cron,
    bool Paused,
    DateTime? NextFireAt,
    DateTime? LastFiredAt,
    SweepOutcome? LastSweepHere,
    int Reminded,
    int Escalated,
    int MaxReminders);
