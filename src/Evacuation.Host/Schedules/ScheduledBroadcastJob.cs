using Quartz;

namespace Evacuation.Host.Schedules;

/// <summary>
/// Fires one scheduled broadcast. One durable job, one trigger per broadcast (keyed by its id), so the store
/// holds exactly what is waiting and cancel is "unschedule that trigger".
/// </summary>
public sealed class ScheduledBroadcastJob(ScheduledBroadcasts broadcasts) : IJob
{
    public const string Group = "broadcasts";

    public const string BroadcastIdKey = "broadcastId";

    public static readonly JobKey Key = new("scheduled-broadcast", Group);

    public static TriggerKey TriggerKeyFor(Guid broadcastId) => new(broadcastId.ToString(), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(context.MergedJobDataMap.GetString(BroadcastIdKey), out var id))
        {
            await broadcasts.ReleaseAsync(id, cancellationToken);
        }
    }
}
