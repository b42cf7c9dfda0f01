using Evacuation.Core.Channels;

namespace Evacuation.Core.Deliveries;

/// <summary>What to do with a delivery after one send attempt.</summary>
/// <param name="State">The state to record.</param>
/// <param name="RetryAt">For <see cref="DeliveryState.Pending"/>: when to try again.</param>
/// <param name="MarkUnreachable">The citizen's channel must be marked unusable.</param>
/// <param name="StopChannel">Our configuration is wrong: stop this channel's dispatchers.</param>
public sealed record NextStep(DeliveryState State, DateTime? RetryAt = null, bool MarkUnreachable = false, bool StopChannel = false)
{
    public const string Expired = "expired: not sent before the broadcast's expiresAt";

    /// <summary>
    /// The step after <paramref name="result"/> for the <paramref name="attempts"/>-th attempt at <paramref name="now"/>.
    /// A retry that would land after <paramref name="expiresAt"/> ends as expired instead; one after
    /// <see cref="RetryBackoff.MostAttempts"/> attempts fails (the provider keeps refusing it). Misconfigured keeps the
    /// delivery pending (it is not the citizen's fault) and stops the channel.
    /// </summary>
    public static NextStep After(SendResult result, int attempts, DateTime now, DateTime? expiresAt, double jitter = 0) => result.Outcome switch
    {
        SendOutcome.Sent => new(DeliveryState.Sent),
        SendOutcome.Permanent => new(DeliveryState.Failed),
        SendOutcome.Unreachable => new(DeliveryState.Undeliverable, MarkUnreachable: true),
        SendOutcome.Misconfigured => new(DeliveryState.Pending, RetryAt: now, StopChannel: true),
        _ when attempts >= RetryBackoff.MostAttempts => new(DeliveryState.Failed),
        _ when now + RetryBackoff.After(attempts, result.RetryAfter, jitter) is var at && (expiresAt is null || at <= expiresAt) => new(DeliveryState.Pending, RetryAt: at),
        _ => new(DeliveryState.Expired),
    };

    /// <summary>The recorded error of a delivery that ended in <paramref name="state"/> after a retryable answer.</summary>
    public static string GaveUp(DeliveryState state, int attempts, string? last) => state == DeliveryState.Expired
        ? $"{Expired} (last: {last})"
        : $"gave up after {attempts} attempts (last: {last})";
}
