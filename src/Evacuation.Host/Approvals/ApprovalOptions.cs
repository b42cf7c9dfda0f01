using Microsoft.Extensions.Options;

namespace Evacuation.Host.Approvals;

/// <summary><c>Broadcasts:ApprovalThreshold</c> and <c>Broadcasts:ApprovalWindow</c>: when a broadcast needs a second operator.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Broadcasts";

    /// <summary>A live operator broadcast to more recipients than this waits for a second operator; 0: every one does.</summary>
    public int ApprovalThreshold { get; set; } = 50;

    /// <summary>How long a request waits for approval before it expires unsent.</summary>
    public TimeSpan ApprovalWindow { get; set; } = TimeSpan.FromMinutes(15);

    public sealed class Validator : IValidateOptions<ApprovalOptions>
    {
        public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
        {
            var failures = new List<string>();
            if (options.ApprovalThreshold < 0)
            {
                failures.Add($"Broadcasts:ApprovalThreshold must be 0 (every live broadcast needs a second operator) or more (got {options.ApprovalThreshold})");
            }
            if (options.ApprovalWindow < TimeSpan.FromMinutes(1) || options.ApprovalWindow > TimeSpan.FromDays(1))
            {
                failures.Add($"Broadcasts:ApprovalWindow must be between 00:01:00 and 1.00:00:00 (got '{options.ApprovalWindow}')");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
