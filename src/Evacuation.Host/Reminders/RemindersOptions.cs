using Microsoft.Extensions.Options;

namespace Evacuation.Host.Reminders;

/// <summary><c>Reminders:*</c> settings: when the reminder sweep runs and how patient it is.</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>Quartz cron (seconds first). Every four hours on the hour by default.</summary>
    public string Cron { get; set; } = "0 0 */4 * * ?";

    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How often someone who said they are on their way is sent their route and the reply codes again; longer than <see cref="MinimumInterval"/>.</summary>
    public TimeSpan OnTheWayInterval { get; set; } = TimeSpan.FromHours(12);

    public int MaxReminders { get; set; } = 6;

    public sealed class Validator : IValidateOptions<RemindersOptions>
    {
        public ValidateOptionsResult Validate(string? name, RemindersOptions options)
        {
            var failures = new List<string>();
            // Quartz's own parser decides, so what passes here is exactly what the scheduler accepts
            // (https://www.quartz-scheduler.net/documentation/quartz-3.x/tutorial/crontriggers.html).
            if (string.IsNullOrWhiteSpace(options.Cron) || options.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is < 6 or > 7
                || !Quartz.CronExpression.TryParse(options.Cron, out _))
            {
                failures.Add($"Reminders:Cron must be a Quartz cron expression with 6 or 7 fields, seconds first, e.g. '0 0 */4 * * ?' (got '{options.Cron}')");
            }
            if (options.MinimumInterval < TimeSpan.FromMinutes(1) || options.MinimumInterval > TimeSpan.FromDays(7))
            {
                failures.Add($"Reminders:MinimumInterval must be between 00:01:00 and 7.00:00:00 (got '{options.MinimumInterval}')");
            }
            if (options.OnTheWayInterval < options.MinimumInterval || options.OnTheWayInterval > TimeSpan.FromDays(7))
            {
                failures.Add($"Reminders:OnTheWayInterval must be between Reminders:MinimumInterval and 7.00:00:00 (got '{options.OnTheWayInterval}')");
            }
            if (options.MaxReminders is < 1 or > 100)
            {
                failures.Add($"Reminders:MaxReminders must be between 1 and 100 (got {options.MaxReminders})");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
