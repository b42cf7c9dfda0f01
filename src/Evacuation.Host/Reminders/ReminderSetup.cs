using Microsoft.Extensions.Options;
using Quartz;

namespace Evacuation.Host.Reminders;

public static class ReminderSetup
{
    /// <summary>
    /// <c>Reminders:*</c>, validated at start so a bad cron or interval stops the service before it runs, and the
    /// reminder sweep with its trigger on <c>Reminders:Cron</c> in the scheduler.
    /// </summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RemindersOptions>, RemindersOptions.Validator>();
        builder.Services.AddSingleton<ReminderSweep>();

        // Read directly rather than through IOptions: the trigger is declared before the container exists. An
        // invalid cron is refused by the validator above, so the trigger only ever sees a valid one.
        var cron = builder.Configuration[$"{RemindersOptions.Section}:{nameof(RemindersOptions.Cron)}"] is { Length: > 0 } given
            && CronExpression.TryParse(given, out _) ? given : new RemindersOptions().Cron;
        // From the real clock: the service's TimeProvider may be a test's fake one, far in the past.
        var start = TimeProvider.System.GetUtcNow();
        builder.Services.ConfigureAllQuartzSchedulers(quartz => quartz
            .AddJob<ReminderSweepJob>(job => job.WithIdentity(ReminderSweepJob.Key).StoreDurably())
            // A sweep missed while the service was down runs once at start, not once per missed firing.
            .AddTrigger(trigger => trigger
                .ForJob(ReminderSweepJob.Key)
                .WithIdentity(ReminderSweepJob.TriggerKey)
                .StartAt(start)
                .WithSchedule(CronScheduleBuilder.Create(cron).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))));
        return builder;
    }
}
