using Evacuation.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

namespace Evacuation.Host.Schedules;

/// <summary>
/// Where Quartz keeps its schedule: the QRTZ_ tables in the service's own database, so reminders and scheduled
/// broadcasts survive a restart, and on PostgreSQL several instances share one schedule (clustering: each
/// firing runs on exactly one node). See https://www.quartz-scheduler.net/documentation/quartz-3.x/tutorial/job-stores.html
/// and the clustering chapter next to it.
/// </summary>
public static class SchedulerStore
{
    public static void Configure(IPersistentStoreBuilder store, StorageProvider provider, string connectionString)
    {
        if (provider == StorageProvider.Postgres)
        {
            store.UsePostgres(NpgsqlFactory.Instance, connectionString);
            store.UseClustering();
        }
        else
        {
            store.UseSqlite(SqliteFactory.Instance, connectionString);
        }
        // Creates the QRTZ_ tables on first start; without it start-up stops on schema validation.
        store.ProvisionSchema();
        store.UseSystemTextJsonSerializer();
    }
}
