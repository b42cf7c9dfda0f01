using Evacuation.Data;
using Evacuation.Host.Configuration;
using Evacuation.Host.Schedules;
using Microsoft.Extensions.Options;
using Quartz;

namespace Evacuation.Host.Reminders;

public static class ReminderSetup
{
    /// <summary>
    /// <c>Reminders:*</c>, validated at start so a bad cron or interval stops the service before it runs; the
    /// Quartz scheduler with its persistent store; the reminder sweep on its cron; scheduled broadcasts' job.
    /// </summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RemindersOptions>, RemindersOptions.Validator>();
        builder.Services.AddSingleton<ReminderSweep>();
        builder.AddSchedules();

        var (provider, connectionString) = StoreOf(builder.Configuration);
        // Read directly rather than through IOptions: the trigger is declared before the container exists. An
        // invalid cron is refused by the validator above, so the trigger only ever sees a valid one.
        var cron = builder.Configuration[$"{RemindersOptions.Section}:{nameof(RemindersOptions.Cron)}"] is { Length: > 0 } given
            && CronExpression.TryParse(given, out _) ? given : new RemindersOptions().Cron;
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = "evacuation";
                // Each node of a cluster needs its own id.
                s.GenerateInstanceId = true;
            });
            // The scheduler keeps real time even where the service's TimeProvider is a test's fake clock.
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.UsePersistentStore(store => SchedulerStore.Configure(store, provider, connectionString));
            quartz.AddJob<ReminderSweepJob>(job => job.WithIdentity(ReminderSweepJob.Key).StoreDurably());
            // A sweep missed while the service was down runs once at start, not once per missed firing.
            quartz.AddTrigger(trigger => trigger
                .ForJob(ReminderSweepJob.Key)
                .WithIdentity(ReminderSweepJob.TriggerKey)
                // From the real clock: the service's TimeProvider may be a test's fake one, far in the past.
                .StartAt(TimeProvider.System.GetUtcNow())
                .WithSchedule(CronScheduleBuilder.Create(cron).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            ScheduleSetup.AddJobs(quartz);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
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
