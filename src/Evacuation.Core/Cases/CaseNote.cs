namespace Evacuation.Core.Cases;

/// <summary>One line of a case's history, oldest first in <c>GET /api/cases/{id}</c>.</summary>
public sealed class CaseNote
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTime At { get; set; }

    /// <summary>The operator key's name, or "citizen" for calls for help.</summary>
    public string Actor { get; set; } = "";

    public CaseNoteKind Kind { get; set; }

    public string Text { get; set; } = "";
}
