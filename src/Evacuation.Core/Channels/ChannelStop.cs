namespace Evacuation.Core.Channels;

/// <summary>
/// A channel stopped because the provider rejected our configuration (a revoked bot token, wrong Twilio
/// credentials), as stored in the <c>channel_stops</c> table so every node sees it. The row goes when a probe finds
/// the credentials working again.
/// </summary>
public sealed class ChannelStop
{
    public ChannelKind Channel { get; set; }

    /// <summary>What the provider said, without tokens or numbers (e.g. "Telegram rejected the bot token (401)").</summary>
    public string Reason { get; set; } = "";

    public DateTime Since { get; set; }

    /// <summary>The node that saw the provider's answer.</summary>
    public string SeenBy { get; set; } = "";

    /// <summary>When a probe last asked the provider whether the credentials work again.</summary>
    public DateTime? ProbedAt { get; set; }

    /// <summary>What that probe found (still refused, or unreachable).</summary>
    public string? ProbeResult { get; set; }
}
