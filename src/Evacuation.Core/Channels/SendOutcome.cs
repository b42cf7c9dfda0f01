namespace Evacuation.Core.Channels;

/// <summary>Every provider answer becomes exactly one of these (docs/architecture.md, "How a message travels": outcomes are data).</summary>
public enum SendOutcome
{
    /// <summary>The provider accepted the message; it carries the provider's id.</summary>
    Sent,

    /// <summary>Not sent, safe to try again after <see cref="SendResult.RetryAfter"/> (429, 5xx, timeout, connection).</summary>
    Retry,

    /// <summary>This message can never be sent as it is (invalid number, chat not found).</summary>
    Permanent,

    /// <summary>The citizen cannot be reached on this channel any more (bot blocked, SMS STOP): fall back to the other channel.</summary>
    Unreachable,

    /// <summary>Our side is wrong (bad token, bad sender): stop the channel, alert, keep the messages.</summary>
    Misconfigured,
}
