using Evacuation.Core.Cases;
using Evacuation.Core.Channels;

namespace Evacuation.Core.Tests.Cases;

public sealed class CaseRulesTests
{
    static readonly DateTime Earlier = new(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc);
    static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
    static readonly Guid Olena = Guid.Parse("0193c0de-0000-7000-8000-000000000001");

    static HelpCase In(CaseState state, string? assignedTo = null) => new()
    {
        Id = 12,
        CitizenId = Olena,
        Channel = ChannelKind.Sms,
        State = state,
        StateSince = Earlier,
        OpenedAt = Earlier,
        AssignedTo = assignedTo,
        Requests = 1,
        LastRequestAt = Earlier,
        ResolvedBy = state == CaseState.Resolved ? "bob" : null,
        ResolvedAt = state == CaseState.Resolved ? Earlier : null,
        Resolution = state == CaseState.Resolved ? "reached, safe" : null,
    };

    [Theory]
    [InlineData("first call for help", null, null, HelpRequestStep.Opened, CaseState.Open, null, 1)]
    [InlineData("again while nobody has it", CaseState.Open, null, HelpRequestStep.AskedAgain, CaseState.Open, null, 2)]
    [InlineData("again while an officer is on it: they keep it", CaseState.Assigned, "alice", HelpRequestStep.AskedAgain, CaseState.Assigned, "alice", 2)]
    [InlineData("again after it was resolved: open for the next free officer", CaseState.Resolved, "bob", HelpRequestStep.Reopened, CaseState.Open, null, 2)]
    public void A_call_for_help_opens_adds_to_or_reopens_the_persons_case(
        string label, CaseState? latest, string? assignedTo, HelpRequestStep step, CaseState state, string? assignee, int requests)
    {
        Assert.True(label.Length > 0);
        var before = latest is { } s ? In(s, assignedTo) : null;

        var (after, taken) = CaseRules.OnHelpRequest(before, Olena, null, ChannelKind.Sms, "\"help\"", Now);

        Assert.Equal(step, taken);
        Assert.Equal(state, after.State);
        Assert.Equal(assignee, after.AssignedTo);
        Assert.Equal(requests, after.Requests);
        Assert.Equal(Now, after.LastRequestAt);
        Assert.Equal(Olena, after.CitizenId);
        Assert.Equal("citizen", Assert.Single(after.Notes).Actor);
        if (before is not null)
        {
            Assert.Same(before, after);
        }
    }

    [Fact]
    public void A_reopened_case_waits_from_now_and_forgets_the_old_resolution_except_in_its_history()
    {
        var (reopened, _) = CaseRules.OnHelpRequest(In(CaseState.Resolved, "bob"), Olena, null, ChannelKind.Telegram, "pressed 4", Now);

        Assert.Equal(Now, reopened.StateSince);
        Assert.Null(reopened.Resolution);
        Assert.Null(reopened.ResolvedBy);
        Assert.Contains("reached, safe", reopened.Notes[0].Text, StringComparison.Ordinal);
        Assert.Equal(CaseNoteKind.Reopened, reopened.Notes[0].Kind);
    }

    [Fact]
    public void A_strangers_case_keeps_the_address_they_wrote_from()
    {
        var (opened, _) = CaseRules.OnHelpRequest(null, null, "+380501234567", ChannelKind.Sms, "\"SOS\"", Now);

        Assert.Null(opened.CitizenId);
        Assert.Equal("+380501234567", opened.Sender);
        Assert.Equal(CaseState.Open, opened.State);
    }

    [Theory]
    [InlineData("nobody has it", CaseState.Open, null, false, CaseOutcome.Changed, "carol")]
    [InlineData("it is already mine", CaseState.Assigned, "carol", false, CaseOutcome.Unchanged, "carol")]
    [InlineData("it is mine, name in another case", CaseState.Assigned, "Carol", false, CaseOutcome.Unchanged, "Carol")]
    [InlineData("someone else has it", CaseState.Assigned, "alice", false, CaseOutcome.Conflict, "alice")]
    [InlineData("someone else has it, taken over", CaseState.Assigned, "alice", true, CaseOutcome.Changed, "carol")]
    [InlineData("it is resolved", CaseState.Resolved, "bob", false, CaseOutcome.Conflict, "bob")]
    [InlineData("it is resolved, even taking over", CaseState.Resolved, "bob", true, CaseOutcome.Conflict, "bob")]
    public void Taking_a_case(string label, CaseState state, string? assignedTo, bool takeOver, CaseOutcome outcome, string? holder)
    {
        Assert.True(label.Length > 0);
        var c = In(state, assignedTo);

        var decision = CaseRules.Assign(c, "carol", takeOver, Now);

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(holder, c.AssignedTo);
        Assert.Equal(outcome == CaseOutcome.Changed ? 1 : 0, c.Notes.Count);
        Assert.Equal(outcome == CaseOutcome.Changed ? 1 : 0, c.Version);
        Assert.Equal(outcome == CaseOutcome.Conflict, decision.Problem is not null);
    }

    [Theory]
    [InlineData("open, resolved by whoever looked", CaseState.Open, "reached by phone", CaseOutcome.Changed)]
    [InlineData("assigned", CaseState.Assigned, "help sent", CaseOutcome.Changed)]
    [InlineData("already resolved", CaseState.Resolved, "false alarm", CaseOutcome.Conflict)]
    [InlineData("without saying how it ended", CaseState.Assigned, "  ", CaseOutcome.Invalid)]
    [InlineData("with no note at all", CaseState.Assigned, null, CaseOutcome.Invalid)]
    public void Resolving_a_case(string label, CaseState state, string? note, CaseOutcome outcome)
    {
        Assert.True(label.Length > 0);
        var c = In(state, state == CaseState.Assigned ? "alice" : null);

        var decision = CaseRules.Resolve(c, "carol", note, Now);

        Assert.Equal(outcome, decision.Outcome);
        if (outcome == CaseOutcome.Changed)
        {
            Assert.Equal(CaseState.Resolved, c.State);
            Assert.Equal("carol", c.ResolvedBy);
            Assert.Equal(Now, c.ResolvedAt);
            Assert.Equal(note!.Trim(), c.Resolution);
            Assert.Equal(state == CaseState.Assigned ? "alice" : "carol", c.AssignedTo);
        }
        else
        {
            Assert.Equal(state, c.State);
            Assert.Empty(c.Notes);
        }
    }

    [Theory]
    [InlineData(CaseState.Open, "no answer, trying again at 9", CaseOutcome.Changed)]
    [InlineData(CaseState.Resolved, "family confirmed they crossed", CaseOutcome.Changed)]
    [InlineData(CaseState.Assigned, "", CaseOutcome.Invalid)]
    public void A_note_is_kept_in_any_state_but_must_say_something(CaseState state, string note, CaseOutcome outcome)
    {
        var c = In(state);

        Assert.Equal(outcome, CaseRules.Note(c, "carol", note, Now).Outcome);
        Assert.Equal(state, c.State);
        Assert.Equal(outcome == CaseOutcome.Changed ? 1 : 0, c.Notes.Count);
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused_with_its_length()
    {
        var decision = CaseRules.Note(In(CaseState.Open), "carol", new string('x', CaseRules.MaxNoteLength + 1), Now);

        Assert.Equal(CaseOutcome.Invalid, decision.Outcome);
        Assert.Contains((CaseRules.MaxNoteLength + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), decision.Problem, StringComparison.Ordinal);
    }
}
