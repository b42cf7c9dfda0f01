using Evacuation.Data;
using Evacuation.Host.Cluster;
using Evacuation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Evacuation.Host.Tests.Cluster;

public sealed class DatabaseClockTests
{
    [Fact]
    public async Task On_PostgreSQL_the_service_and_its_scheduler_keep_the_databases_time()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var node = EvacuationApp.StartOnServiceClock(database, Nodes.Settings("a"));

        // Quartz's UseTimeProvider once replaced the service's clock with the machine's, so claims, leases and retries
        // were written on each machine's own time again.
        var clock = node.Services.GetRequiredService<DatabaseClock>();
        Assert.Same(clock, node.Services.GetRequiredService<TimeProvider>());
        var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        Assert.Same(clock, scheduler.TimeProvider);
    }
}
