namespace Evacuation.Core.Citizens;

/// <summary>
/// One entry of a citizen's history: created, changed, status moved, message sent, reply received.
/// The timeline in <c>GET /api/citizens/{id}</c> is these rows in time order.
/// </summary>
public sealed class CitizenEvent
{
    public long Id { get; set; }

    public Guid CitizenId { get; set; }

    public DateTime At { get; set; }

    public CitizenEventKind Kind { get; set; }

    /// <summary>Who caused it: an operator key's name, "import", "citizen", "system".</summary>
    public string Actor { get; set; } = "";

    /// <summary>What changed, for a person to read (never a whole phone number).</summary>
    public string Detail { get; set; } = "";
}

public enum CitizenEventKind
{
    Created,
    Updated,
    StatusChanged,
    OptedOut,
    OptedIn,
    MessageSent,
    DeliveryChanged,
    ReplyReceived,
    CrossingAssigned,
    Escalated,

    /// <summary>An operator took, annotated or resolved the citizen's help case.</summary>
    CaseUpdated,
}
