using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>The <c>Deliveries</c> section: how the outbox is worked.</summary>
public sealed class DeliveriesOptions
{
    public const string Section = "Deliveries";

    /// <summary>Dispatcher loops per channel; they share the channel's pacer.</summary>
    public int DispatchersPerChannel { get; set; } = 4;

    /// <summary>The most deliveries one dispatcher claims at once (fewer when pacing would keep them waiting long).</summary>
    public int ClaimBatch { get; set; } = 64;

    /// <summary>Citizens read and deliveries written per fan-out batch.</summary>
    public int FanOutBatch { get; set; } = 5000;

    /// <summary>
    /// How long a claim holds a delivery. A process killed mid-send leaves its claims; they are sent again once
    /// this has passed (docs/architecture.md, "How a message travels": crash safety).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait of an idle worker before it looks again for work nothing woke it for; it doubles from here.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The longest an idle worker goes without looking for work no in-process signal announced (another process's on a
    /// shared PostgreSQL, rows left by a crash). Due retries are not polled for: the next one's time is read and slept to.
    /// </summary>
    public TimeSpan IdleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>False only for benchmarks measuring raw dispatch speed: providers' rate limits are then ignored.</summary>
    public bool Pacing { get; set; } = true;

    public sealed class Validator : IValidateOptions<DeliveriesOptions>
    {
        public ValidateOptionsResult Validate(string? name, DeliveriesOptions options)
        {
            var failures = new List<string>();
            if (options.DispatchersPerChannel is < 1 or > 64)
            {
                failures.Add($"Deliveries:DispatchersPerChannel must be between 1 and 64 (got {options.DispatchersPerChannel})");
            }
            if (options.ClaimBatch is < 1 or > 1000)
            {
                failures.Add($"Deliveries:ClaimBatch must be between 1 and 1000 (got {options.ClaimBatch})");
            }
            if (options.FanOutBatch is < 1 or > 50000)
            {
                failures.Add($"Deliveries:FanOutBatch must be between 1 and 50000 (got {options.FanOutBatch})");
            }
            if (options.Lease < TimeSpan.FromSeconds(5))
            {
                failures.Add($"Deliveries:Lease must be at least 00:00:05 (got {options.Lease})");
            }
            if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromSeconds(10))
            {
                failures.Add($"Deliveries:PollInterval must be above zero and at most 00:00:10 (got {options.PollInterval})");
            }
            if (options.IdleInterval < options.PollInterval || options.IdleInterval > TimeSpan.FromMinutes(5))
            {
                failures.Add($"Deliveries:IdleInterval must be at least Deliveries:PollInterval and at most 00:05:00 (got {options.IdleInterval})");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
