namespace Evacuation.Channels.Twilio;

/// <summary>The <c>Twilio</c> configuration section (README, "Configuration").</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>Empty (or an empty <see cref="AuthToken"/>) means the SMS sandbox.</summary>
    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The sender number (E.164) or alphanumeric sender id; or use <see cref="MessagingServiceSid"/>.</summary>
    public string? FromNumber { get; set; }

    /// <summary>A Messaging Service pools senders; takes precedence over <see cref="FromNumber"/> when both are set.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Base URL for <c>/2010-04-01/Accounts/{sid}/Messages.json</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Where Twilio reaches this service; builds StatusCallback and is the URL signatures are checked against.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>SMS pacing in segments per second; about 10 for most numbers sending internationally
    /// (https://help.twilio.com/articles/115002943027-Understanding-Twilio-Rate-Limits-and-Message-Queues).</summary>
    public int SegmentsPerSecond { get; set; } = 10;

    public bool IsSandbox => string.IsNullOrWhiteSpace(AccountSid) || string.IsNullOrWhiteSpace(AuthToken);
}
