using System.Globalization;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// Two-person approval: a live operator broadcast to more than <c>Broadcasts:ApprovalThreshold</c> recipients waits
/// (<see cref="BroadcastState.AwaitingApproval"/>) until an operator with a different key name approves it, as the
/// mass-notification systems governments use ask for a second person before "leave now" reaches thousands.
/// </summary>
public static class Approval
{
    /// <summary>
    /// Whether a broadcast must wait. Dry runs send nothing; answers, reminders and re-routes after an Admin's
    /// closure must never wait behind a person; a drill (every channel a sandbox) reaches no one. Threshold 0 means
    /// every live operator broadcast waits.
    /// </summary>
    public static bool IsRequired(BroadcastOrigin origin, bool dryRun, int recipients, int threshold, bool drill) =>
        origin == BroadcastOrigin.Operator && !dryRun && !drill && recipients > threshold;

    /// <summary>Whether <paramref name="decider"/> may approve (or reject) <paramref name="broadcast"/> at <paramref name="now"/>.</summary>
    public static ApprovalDecision Check(Broadcast broadcast, string decider, bool approving, DateTime now)
    {
        var b = broadcast;
        if (b.ApprovalExpiresAt is not { } expires)
        {
            return Conflict($"Broadcast {b.Id} did not need approval; it is {b.State}.");
        }
        return b.State switch
        {
            BroadcastState.AwaitingApproval when now > expires => Conflict(
                $"The request expired unapproved at {Time(expires)}; nothing was sent. Ask for the broadcast again if it is still needed."),
            BroadcastState.AwaitingApproval when string.Equals(b.CreatedBy, decider, StringComparison.OrdinalIgnoreCase) => new(ApprovalOutcome.Forbidden,
                approving
                    ? "You asked for this broadcast yourself: another operator, signed in with a key of a different name, must approve it."
                    : $"You asked for this broadcast yourself: to withdraw it, cancel it (POST /api/broadcasts/{b.Id}/cancel)."),
            BroadcastState.AwaitingApproval => ApprovalDecision.Allowed,
            BroadcastState.Rejected => Conflict($"Broadcast {b.Id} was already rejected by {b.DecidedBy} at {Time(b.DecidedAt)}; nothing was sent."),
            BroadcastState.ApprovalExpired => Conflict($"The request expired unapproved at {Time(expires)}; nothing was sent. Ask for the broadcast again if it is still needed."),
            BroadcastState.Cancelled when b.DecidedBy is null => Conflict($"Broadcast {b.Id} was cancelled before anyone approved it; nothing was sent."),
            _ => Conflict($"Broadcast {b.Id} was already approved by {b.DecidedBy} at {Time(b.DecidedAt)}; it is {b.State}."),
        };
    }

    /// <summary>Whether a request still waiting at <paramref name="now"/> has run out of time.</summary>
    public static bool HasExpired(Broadcast broadcast, DateTime now) =>
        broadcast.State == BroadcastState.AwaitingApproval && broadcast.ApprovalExpiresAt is { } expires && now > expires;

    /// <summary>
    /// Where an approved broadcast goes: to its trigger when its time is still ahead, else out now. Only the
    /// operator's own <c>expiresAt</c> limits its sending time, so the wait for approval costs nothing else.
    /// </summary>
    public static (BroadcastState State, DateTime SendAt) Release(Broadcast broadcast, DateTime now)
    {
        var sendAt = broadcast.SendAt > now ? broadcast.SendAt : now;
        return (sendAt > now ? BroadcastState.Scheduled : BroadcastState.Queued, sendAt);
    }

    static ApprovalDecision Conflict(string problem) => new(ApprovalOutcome.Conflict, problem);

    static string Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown time";
}
