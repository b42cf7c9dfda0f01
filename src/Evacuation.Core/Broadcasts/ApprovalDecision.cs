namespace Evacuation.Core.Broadcasts;

/// <summary>Whether an operator may approve or reject a broadcast now; <see cref="Problem"/> says why not.</summary>
public sealed record ApprovalDecision(ApprovalOutcome Outcome, string? Problem = null)
{
    public static ApprovalDecision Allowed { get; } = new(ApprovalOutcome.Allowed);
}

public enum ApprovalOutcome
{
    Allowed,

    /// <summary>The operator asked for it: someone else must decide (403).</summary>
    Forbidden,

    /// <summary>Not waiting for approval any more: approved, rejected, expired or cancelled (409).</summary>
    Conflict,
}
