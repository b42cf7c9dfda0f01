namespace Evacuation.Core.Cases;

/// <summary>What a call for help did to the person's case.</summary>
public enum HelpRequestStep
{
    /// <summary>No case yet: a new one, Open.</summary>
    Opened,

    /// <summary>Added to the case that is still Open or Assigned (the assignee keeps it).</summary>
    AskedAgain,

    /// <summary>The case was Resolved: Open again, with nobody on it, so the next free officer takes it.</summary>
    Reopened,
}
