using Quartz;

namespace Evacuation.Host.Reminders;

/// <summary>
/// The Quartz job behind <c>Reminders:Cron</c>: one coarse sweep, never one job per message. Never two at once in
/// one scheduler; across instances the clustered store gives each firing to one node, and the sweep's claim keeps
/// even an overlap from sending anything twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReminderSweepJob(ReminderSweep sweep, Metrics.ServiceMetrics metrics) : IJob
{
    public const string Group = "reminders";

    public static readonly JobKey Key = new("reminder-sweep", Group);

    public static readonly TriggerKey TriggerKey = new("reminder-sweep", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await sweep.RunAsync(cancellationToken);
        metrics.Swept();
    }
}
