namespace Evacuation.Core.Cases;

/// <summary>
/// Where a call for help is: <see cref="Open"/> (nobody has it yet), <see cref="Assigned"/> (a named operator is
/// on it), <see cref="Resolved"/> (done, with a note saying how). A new call for help reopens a resolved case.
/// </summary>
public enum CaseState
{
    Open,
    Assigned,
    Resolved,
}
