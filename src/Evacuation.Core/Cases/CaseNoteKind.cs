namespace Evacuation.Core.Cases;

/// <summary>What one line of a case's history records.</summary>
public enum CaseNoteKind
{
    /// <summary>The citizen (or a stranger) asked for help and the case was opened.</summary>
    Opened,

    /// <summary>Another call for help while the case was open or assigned.</summary>
    AskedAgain,

    /// <summary>A call for help after the case was resolved.</summary>
    Reopened,

    Assigned,

    /// <summary>An operator's note: what was tried, what was said.</summary>
    Note,

    Resolved,
}
