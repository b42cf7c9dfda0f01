using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Evacuation.Host.Tests.Reminders;

public sealed class TwoInstanceTests
{
    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_remind_each_citizen_once_and_share_one_schedule()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var first = EvacuationApp.StartOn(database, Reminded.Settings());
        await using var second = EvacuationApp.StartOn(database, Reminded.Settings());
        await first.AdvisedCitizensAsync(300);
        first.Time.Advance(TimeSpan.FromHours(5));
        second.Time.Advance(TimeSpan.FromHours(5));

        var outcomes = await Task.WhenAll(
            Task.Run(() => first.Sweep().RunAsync(CancellationToken.None)),
            Task.Run(() => second.Sweep().RunAsync(CancellationToken.None)));

        Assert.Equal(300, outcomes.Sum(o => o.Reminded));
        var deliveries = await first.ReminderDeliveriesAsync();
        Assert.Equal(300, deliveries.Count);
        Assert.Equal(300, deliveries.Select(d => d.CitizenId).Distinct().Count());

        // A broadcast scheduled through one instance is in the schedule the other one reads.
        var id = await first.BroadcastAsync(new { kind = "Advisory", sendAt = first.Time.GetUtcNow().AddDays(2) });
        var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetTrigger(Host.Schedules.ScheduledBroadcastJob.TriggerKeyFor(Guid.Parse(id))));
    }
}
