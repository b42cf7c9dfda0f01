using Evacuation.Data;
using Quartz;

namespace Evacuation.Host.Schedules;

public static class SchedulerSetup
{
    /// <summary>The scheduler's name, the same on every node: Quartz's tables key a shared schedule by it.</summary>
    public const string SchedulerName = "evacuation";

    /// <summary>
    /// The Quartz scheduler, its schedule kept in the service's own database (<see cref="SchedulerStore"/>). The jobs
    /// and triggers it runs are added by the capabilities that own them (reminders, scheduled broadcasts).
    /// </summary>
    public static WebApplicationBuilder AddScheduler(this WebApplicationBuilder builder)
    {
        var (provider, connectionString) = StoreOf(builder.Configuration);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                // Each node of a cluster needs its own id.
                s.GenerateInstanceId = true;
            });
            // No UseTimeProvider: the default scheduler's clock is the container's TimeProvider (IQuartzBuilder.
            // UseTimeProvider's own documentation), so setting it replaces the service's clock, which on PostgreSQL is
            // the database's (Cluster/DatabaseClock). Unset, triggers and cluster check-ins keep that one time on
            // every node.
            quartz.UsePersistentStore(store => SchedulerStore.Configure(store, provider, connectionString));
        });
        builder.Services.AddHostedService<SchedulerLifetime>();
        return builder;
    }

    /// <summary>The same database the service uses (see <c>StorageSetup</c>).</summary>
    static (StorageProvider Provider, string ConnectionString) StoreOf(IConfiguration configuration)
    {
        var provider = Enum.TryParse<StorageProvider>(configuration[$"{StorageOptions.Section}:Provider"], ignoreCase: true, out var p)
            ? p : StorageProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Evacuation") is { Length: > 0 } cs ? cs : StorageOptions.DefaultSqlite;
        return (provider, connectionString);
    }
}
