namespace Evacuation.Core.Routes;

/// <summary>
/// The part of a crossing operators change, as stored in the <c>crossings</c> table. The crossings file stays the
/// source of names and coordinates; this row makes a closure or a note survive a restart.
/// </summary>
public sealed class CrossingState
{
    /// <summary>The crossing's id from the crossings file.</summary>
    public required string Id { get; set; }

    public CrossingStatus Status { get; set; }

    public string Notes { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    /// <summary>The operator key's name that made the last change, or "crossings file" for the seeded row.</summary>
    public string UpdatedBy { get; set; } = "";

    /// <summary>Longest notes accepted: they go into every RouteInstructions message, so they must stay short enough for SMS.</summary>
    public const int MaxNotesLength = 300;
}
