using Evacuation.Core.Broadcasts;

namespace Evacuation.Core.Tests.Broadcasts;

public sealed class ApprovalTests
{
    static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("a live advisory to 51", BroadcastOrigin.Operator, false, 51, 50, false, true)]
    [InlineData("exactly the threshold", BroadcastOrigin.Operator, false, 50, 50, false, false)]
    [InlineData("threshold 0: every live broadcast", BroadcastOrigin.Operator, false, 1, 0, false, true)]
    [InlineData("a dry run sends nothing", BroadcastOrigin.Operator, true, 10_000, 50, false, false)]
    [InlineData("a drill reaches no one", BroadcastOrigin.Operator, false, 10_000, 50, true, false)]
    [InlineData("an answer to a citizen", BroadcastOrigin.Answer, false, 1, 0, false, false)]
    [InlineData("reminders", BroadcastOrigin.Reminder, false, 10_000, 50, false, false)]
    [InlineData("re-routes after an Admin's closure", BroadcastOrigin.Reroute, false, 10_000, 50, false, false)]
    public void Only_large_live_operator_broadcasts_wait_for_a_second_operator(
        string label, BroadcastOrigin origin, bool dryRun, int recipients, int threshold, bool drill, bool required)
    {
        Assert.True(label.Length > 0);
        Assert.Equal(required, Approval.IsRequired(origin, dryRun, recipients, threshold, drill));
    }

    static Broadcast Waiting(BroadcastState state = BroadcastState.AwaitingApproval, string? decidedBy = null) => new()
    {
        Kind = BroadcastKind.Advisory,
        State = state,
        CreatedBy = "alice",
        CreatedAt = Now.AddMinutes(-5),
        SendAt = Now.AddMinutes(-5),
        ApprovalExpiresAt = Now.AddMinutes(10),
        DecidedBy = decidedBy,
        DecidedAt = decidedBy is null ? null : Now.AddMinutes(-1),
    };

    [Theory]
    [InlineData("another operator", BroadcastState.AwaitingApproval, null, "bob", 0, ApprovalOutcome.Allowed)]
    [InlineData("the requester", BroadcastState.AwaitingApproval, null, "alice", 0, ApprovalOutcome.Forbidden)]
    [InlineData("the requester, name in another case", BroadcastState.AwaitingApproval, null, "ALICE", 0, ApprovalOutcome.Forbidden)]
    [InlineData("after the window", BroadcastState.AwaitingApproval, null, "bob", 11, ApprovalOutcome.Conflict)]
    [InlineData("the requester after the window", BroadcastState.AwaitingApproval, null, "alice", 11, ApprovalOutcome.Conflict)]
    [InlineData("at the last moment", BroadcastState.AwaitingApproval, null, "bob", 10, ApprovalOutcome.Allowed)]
    [InlineData("approved already", BroadcastState.Sending, "bob", "carol", 0, ApprovalOutcome.Conflict)]
    [InlineData("approved already, by the same operator", BroadcastState.Queued, "bob", "bob", 0, ApprovalOutcome.Conflict)]
    [InlineData("rejected", BroadcastState.Rejected, "bob", "carol", 0, ApprovalOutcome.Conflict)]
    [InlineData("expired", BroadcastState.ApprovalExpired, null, "bob", 0, ApprovalOutcome.Conflict)]
    [InlineData("cancelled by its requester", BroadcastState.Cancelled, null, "bob", 0, ApprovalOutcome.Conflict)]
    public void Who_may_approve(string label, BroadcastState state, string? decidedBy, string approver, int minutesLater, ApprovalOutcome outcome)
    {
        Assert.True(label.Length > 0);

        var decision = Approval.Check(Waiting(state, decidedBy), approver, approving: true, Now.AddMinutes(minutesLater));

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(outcome != ApprovalOutcome.Allowed, decision.Problem is not null);
    }

    [Fact]
    public void A_requester_who_wants_to_withdraw_is_told_to_cancel() =>
        Assert.Contains("cancel", Approval.Check(Waiting(), "alice", approving: false, Now).Problem, StringComparison.Ordinal);

    [Fact]
    public void A_broadcast_that_never_needed_approval_cannot_be_approved()
    {
        var broadcast = Waiting(BroadcastState.Sending);
        broadcast.ApprovalExpiresAt = null;

        Assert.Equal(ApprovalOutcome.Conflict, Approval.Check(broadcast, "bob", approving: true, Now).Outcome);
    }

    [Theory]
    [InlineData(BroadcastState.AwaitingApproval, 11, true)]
    [InlineData(BroadcastState.AwaitingApproval, 10, false)]
    [InlineData(BroadcastState.Queued, 60, false)]
    public void A_request_expires_only_while_it_waits_past_its_window(BroadcastState state, int minutesLater, bool expired) =>
        Assert.Equal(expired, Approval.HasExpired(Waiting(state), Now.AddMinutes(minutesLater)));

    [Fact]
    public void Approved_now_it_goes_out_now()
    {
        var (state, sendAt) = Approval.Release(Waiting(), Now);

        Assert.Equal(BroadcastState.Queued, state);
        Assert.Equal(Now, sendAt);
    }

    [Fact]
    public void Approved_before_its_time_it_waits_for_its_trigger()
    {
        var broadcast = Waiting();
        broadcast.SendAt = Now.AddHours(2);

        var (state, sendAt) = Approval.Release(broadcast, Now);

        Assert.Equal(BroadcastState.Scheduled, state);
        Assert.Equal(Now.AddHours(2), sendAt);
    }
}
