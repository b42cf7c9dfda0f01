namespace Evacuation.Host.Broadcasts;

/// <summary>The body of <c>POST /api/broadcasts</c> (docs/api.md, "Broadcasts"). Enums arrive as strings and are read by <see cref="BroadcastPlan"/>, so a mistake gets a clear message.</summary>
public sealed class BroadcastRequest
{
    public string? Kind { get; set; }

    /// <summary>Text per language code; optional for Advisory and RouteInstructions.</summary>
    public Dictionary<string, string?>? Text { get; set; }

    public AudienceRequest? Audience { get; set; }

    public string? Channels { get; set; }

    public bool DryRun { get; set; }

    public DateTimeOffset? SendAt { get; set; }

    /// <summary>Goes ahead of bulk messages already queued (priority 2, as re-routes); only operators may broadcast at all.</summary>
    public bool Urgent { get; set; }

    /// <summary>Not delivered after this time: what is still unsent then ends as expired. Null: never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

public sealed class AudienceRequest
{
    public List<string>? Statuses { get; set; }

    public List<string>? Regions { get; set; }

    public List<string>? Crossings { get; set; }
}
