using Microsoft.Extensions.Options;

namespace Evacuation.Host.Limits;

/// <summary>
/// <c>Limits:*</c>: how much one source address, one operator key, one sender and self-enrolment may ask of the
/// service. The defaults are far above what a real evacuation sends (10,000 citizens replying within minutes is a
/// few dozen webhooks a second) and far below what a flood needs.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Requests a minute from one source address to the webhooks and check-in pages (any endpoint on <see cref="RateLimits.PerAddress"/>), counted before signatures or links are checked.</summary>
    public int PerAddressPerMinute { get; set; } = 6000;

    /// <summary>Requests a minute to one citizen's check-in page (views, presses, locations), on top of the per-address count.</summary>
    public int PerLinkPerMinute { get; set; } = 30;

    /// <summary>API requests a minute with one operator key.</summary>
    public int PerKeyPerMinute { get; set; } = 1200;

    /// <summary>Answers (acknowledgements, questions) one sender gets in an hour; their messages beyond it are still stored and acted on.</summary>
    public int AnswersPerSenderPerHour { get; set; } = 20;

    /// <summary>Citizens who may enrol themselves (JOIN by SMS, an unknown Telegram chat sharing its phone) in an hour, across all nodes.</summary>
    public int EnrolmentsPerHour { get; set; } = 1000;

    public sealed class Validator : IValidateOptions<LimitsOptions>
    {
        public ValidateOptionsResult Validate(string? name, LimitsOptions options)
        {
            var failures = new List<string>();
            Positive(failures, nameof(PerAddressPerMinute), options.PerAddressPerMinute);
            Positive(failures, nameof(PerKeyPerMinute), options.PerKeyPerMinute);
            Positive(failures, nameof(PerLinkPerMinute), options.PerLinkPerMinute);
            Positive(failures, nameof(AnswersPerSenderPerHour), options.AnswersPerSenderPerHour);
            Positive(failures, nameof(EnrolmentsPerHour), options.EnrolmentsPerHour);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        static void Positive(List<string> failures, string key, int value)
        {
            if (value < 1)
            {
                failures.Add($"{Section}:{key} must be 1 or more (got {value})");
            }
        }
    }
}
