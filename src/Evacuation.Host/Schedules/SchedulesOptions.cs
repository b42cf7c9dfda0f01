using Microsoft.Extensions.Options;

namespace Evacuation.Host.Schedules;

/// <summary><c>Broadcasts:*</c> settings for broadcasts sent later (<c>sendAt</c>).</summary>
public sealed class SchedulesOptions
{
    public const string Section = "Broadcasts";

    /// <summary>
    /// A scheduled broadcast whose trigger fires later than this after its <c>sendAt</c> (the service was down)
    /// is marked Missed instead of sent: an "leave now" message hours late can send people into danger.
    /// </summary>
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far ahead <c>sendAt</c> may be.</summary>
    public TimeSpan MaxAhead { get; set; } = TimeSpan.FromDays(30);

    public sealed class Validator : IValidateOptions<SchedulesOptions>
    {
        public ValidateOptionsResult Validate(string? name, SchedulesOptions options)
        {
            var failures = new List<string>();
            if (options.MaxLateness < TimeSpan.FromMinutes(1) || options.MaxLateness > TimeSpan.FromDays(1))
            {
                failures.Add($"Broadcasts:MaxLateness must be between 00:01:00 and 1.00:00:00 (got '{options.MaxLateness}')");
            }
            if (options.MaxAhead < TimeSpan.FromHours(1) || options.MaxAhead > TimeSpan.FromDays(365))
            {
                failures.Add($"Broadcasts:MaxAhead must be between 01:00:00 and 365.00:00:00 (got '{options.MaxAhead}')");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
