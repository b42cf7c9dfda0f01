namespace Evacuation.Core.Channels;

/// <summary>
/// Asks a provider, without sending anything to anyone, whether our credentials work: how a channel stopped for
/// misconfiguration finds out it may send again.
/// </summary>
public interface ICredentialProbe
{
    /// <summary>
    /// <see cref="SendOutcome.Sent"/> when the credentials are accepted, <see cref="SendOutcome.Misconfigured"/> when they
    /// are still refused, <see cref="SendOutcome.Retry"/> when the provider could not be asked. Never throws for an answer.
    /// </summary>
    Task<SendResult> ProbeAsync(CancellationToken cancellationToken);
}
