namespace Evacuation.Core.Cases;

/// <summary>What an operator's action on a case came to; <see cref="Problem"/> says why when it was refused.</summary>
public sealed record CaseDecision(CaseOutcome Outcome, string? Problem = null)
{
    public static CaseDecision Changed { get; } = new(CaseOutcome.Changed);

    /// <summary>Asked for what is already so (taking a case one already has): nothing recorded twice.</summary>
    public static CaseDecision Unchanged { get; } = new(CaseOutcome.Unchanged);

    public static CaseDecision Invalid(string problem) => new(CaseOutcome.Invalid, problem);

    public static CaseDecision Conflict(string problem) => new(CaseOutcome.Conflict, problem);
}

public enum CaseOutcome
{
    Changed,
    Unchanged,

    /// <summary>The request itself is wrong (an empty note): 400.</summary>
    Invalid,

    /// <summary>The case is not in a state that allows it: 409.</summary>
    Conflict,
}
