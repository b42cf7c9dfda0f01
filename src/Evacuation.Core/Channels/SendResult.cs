namespace Evacuation.Core.Channels;

/// <summary>What a channel made of one send attempt. <see cref="Error"/> is for people and never holds a phone number or token.</summary>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static SendResult Sent(string providerMessageId) => new(SendOutcome.Sent, providerMessageId);

    public static SendResult Retry(string error, TimeSpan? after = null) => new(SendOutcome.Retry, RetryAfter: after, Error: error);

    public static SendResult Permanent(string error) => new(SendOutcome.Permanent, Error: error);

    public static SendResult Unreachable(string error) => new(SendOutcome.Unreachable, Error: error);

    public static SendResult Misconfigured(string error) => new(SendOutcome.Misconfigured, Error: error);
}
