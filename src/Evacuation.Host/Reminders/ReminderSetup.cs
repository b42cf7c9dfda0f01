using Evacuation.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Reminders;

public static class ReminderSetup
{
    /// <summary><c>Reminders:*</c>, validated at start so a bad cron or interval stops the service before it runs.</summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RemindersOptions>, RemindersOptions.Validator>();
        return builder;
    }
}
