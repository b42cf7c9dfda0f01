namespace Evacuation.Core.Auditing;

/// <summary>One state-changing call, attributed to the operator key that made it.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The name of the operator key (never the key).</summary>
    public string Actor { get; set; } = "";

    /// <summary>What was done, e.g. "citizens.import", "citizens.upsert".</summary>
    public string Action { get; set; } = "";

    public string? Target { get; set; }

    public string Detail { get; set; } = "";
}
