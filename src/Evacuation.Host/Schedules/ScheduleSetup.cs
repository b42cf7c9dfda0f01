using Microsoft.Extensions.Options;
using Quartz;

namespace Evacuation.Host.Schedules;

public static class ScheduleSetup
{
    /// <summary>
    /// Broadcasts sent later (<c>sendAt</c>): <c>Broadcasts:MaxLateness</c> and <c>Broadcasts:MaxAhead</c>, validated at
    /// start, and the one durable job every scheduled broadcast's trigger points at.
    /// </summary>
    public static WebApplicationBuilder AddSchedules(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulesOptions>().BindConfiguration(SchedulesOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SchedulesOptions>, SchedulesOptions.Validator>();
        builder.Services.AddSingleton<ScheduledBroadcasts>();
        builder.Services.ConfigureAllQuartzSchedulers(quartz =>
            quartz.AddJob<ScheduledBroadcastJob>(job => job.WithIdentity(ScheduledBroadcastJob.Key).StoreDurably()));
        return builder;
    }
}
