namespace Evacuation.Core.Channels;

/// <summary>
/// One way of reaching citizens (Telegram, SMS). The whole contract with a provider is this one method.
/// </summary>
/// <remarks>
/// <see cref="SendAsync"/> makes at most one provider request and never throws for a provider's answer:
/// every answer, including timeouts and connection failures, is mapped to a <see cref="SendResult"/>.
/// It is called with no database transaction open. Pacing is not its job: the caller waits on the
/// channel's limiter first.
/// </remarks>
public interface IChannel
{
    ChannelKind Kind { get; }

    /// <summary>False for a sandbox: messages are stored and shown but go to no one.</summary>
    bool IsLive { get; }

    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
