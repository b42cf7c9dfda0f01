using Evacuation.Core.Channels;
using Microsoft.Extensions.Logging;

namespace Evacuation.Channels.Sandbox;

/// <summary>
/// A channel without credentials: every message is accepted and shown, none leaves the machine. Everything around
/// it (queue, pacing, statuses, reminders) behaves as with a live channel, so a drill rehearses the real thing.
/// </summary>
public sealed class SandboxChannel(ChannelKind kind, ILogger<SandboxChannel> logger) : IChannel, ICredentialProbe
{
    /// <summary>A sandbox has no credentials to refuse.</summary>
    public Task<SendResult> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(SendResult.Sent("sandbox"));

    public ChannelKind Kind => kind;

    public bool IsLive => false;

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        // The citizen id, never the address: logs carry no phone numbers.
        logger.LogInformation("Sandbox {Channel} message to citizen {CitizenId}: {Preview}",
            kind, message.CitizenId, Preview(message.Text));
        return Task.FromResult(SendResult.Sent($"sandbox-{message.DeliveryId:N}"));
    }

    static string Preview(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return Core.Texts.Shortened.WithEllipsis(oneLine, 80);
    }
}
