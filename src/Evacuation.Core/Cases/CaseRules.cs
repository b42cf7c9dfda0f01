using System.Globalization;
using Evacuation.Core.Channels;

namespace Evacuation.Core.Cases;

/// <summary>
/// How a help case moves: Open → Assigned → Resolved, and back to Open when the person asks for help again. Each
/// rule decides from the case as read and, when it allows the change, makes it on that object with a line in the
/// case's history. Saving is the caller's business.
/// </summary>
public static class CaseRules
{
    public const int MaxNoteLength = 2000;

    /// <summary>
    /// A call for help from a person whose latest case is <paramref name="latest"/> (null: none). Never refused: a
    /// person in danger always gets a case, even one who opted out of messages.
    /// </summary>
    public static (HelpCase Case, HelpRequestStep Step) OnHelpRequest(
        HelpCase? latest, Guid? citizenId, string? sender, ChannelKind channel, string said, DateTime now)
    {
        if (latest is null)
        {
            var opened = new HelpCase
            {
                CitizenId = citizenId,
                Sender = citizenId is null ? sender : null,
                Channel = channel,
                State = CaseState.Open,
                StateSince = now,
                OpenedAt = now,
                Requests = 1,
                LastRequestAt = now,
                UpdatedAt = now,
            };
            Add(opened, now, "citizen", CaseNoteKind.Opened, $"{channel}: {said}");
            return (opened, HelpRequestStep.Opened);
        }
        latest.Requests++;
        latest.LastRequestAt = now;
        if (latest.State != CaseState.Resolved)
        {
            Touch(latest, now);
            Add(latest, now, "citizen", CaseNoteKind.AskedAgain, $"{channel}: {said}");
            return (latest, HelpRequestStep.AskedAgain);
        }
        var before = latest.ResolvedBy is { } who ? $" (resolved earlier by {who}: {latest.Resolution})" : "";
        Move(latest, CaseState.Open, now);
        latest.AssignedTo = null;
        latest.ResolvedBy = null;
        latest.ResolvedAt = null;
        latest.Resolution = null;
        Add(latest, now, "citizen", CaseNoteKind.Reopened, $"{channel}: {said}{before}");
        return (latest, HelpRequestStep.Reopened);
    }

    /// <summary>
    /// <paramref name="to"/> takes the case ("I'm calling"). Taking one's own case again changes nothing; a case
    /// someone else has is taken over only when <paramref name="takeOver"/> says so (the other officer went off shift).
    /// </summary>
    public static CaseDecision Assign(HelpCase c, string to, bool takeOver, DateTime now)
    {
        switch (c.State)
        {
            case CaseState.Resolved:
                return CaseDecision.Conflict($"Case {c.Id} was resolved by {c.ResolvedBy} at {Time(c.ResolvedAt)}; it reopens by itself if the person asks for help again.");
            case CaseState.Assigned when SameName(c.AssignedTo, to):
                return CaseDecision.Unchanged;
            case CaseState.Assigned when !takeOver:
                return CaseDecision.Conflict($"Case {c.Id} is with {c.AssignedTo} since {Time(c.StateSince)}. Ask them, or take it over with \"takeOver\": true.");
        }
        var from = c.State == CaseState.Assigned ? $" (taken over from {c.AssignedTo})" : "";
        Move(c, CaseState.Assigned, now);
        c.AssignedTo = to;
        Add(c, now, to, CaseNoteKind.Assigned, $"taken by {to}{from}");
        return CaseDecision.Changed;
    }

    /// <summary>A note from <paramref name="by"/>, in any state (a follow-up after resolving is worth keeping too).</summary>
    public static CaseDecision Note(HelpCase c, string by, string? text, DateTime now)
    {
        if (CheckText(text, "note", "what was tried or said") is { } problem)
        {
            return problem;
        }
        Touch(c, now);
        Add(c, now, by, CaseNoteKind.Note, text!.Trim());
        return CaseDecision.Changed;
    }

    /// <summary>Closes the case with how it ended. Anyone with the Operator role may resolve, not only the assignee.</summary>
    public static CaseDecision Resolve(HelpCase c, string by, string? note, DateTime now)
    {
        if (c.State == CaseState.Resolved)
        {
            return CaseDecision.Conflict($"Case {c.Id} is already resolved by {c.ResolvedBy} at {Time(c.ResolvedAt)}: \"{c.Resolution}\". Add a note instead.");
        }
        if (CheckText(note, "note", "how it ended: reached, help sent, false alarm, unreachable") is { } problem)
        {
            return problem;
        }
        Move(c, CaseState.Resolved, now);
        c.AssignedTo ??= by;
        c.ResolvedBy = by;
        c.ResolvedAt = now;
        c.Resolution = note!.Trim();
        Add(c, now, by, CaseNoteKind.Resolved, c.Resolution);
        return CaseDecision.Changed;
    }

    static CaseDecision? CheckText(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CaseDecision.Invalid($"{field} is required: say {what}.");
        }
        return text.Trim().Length > MaxNoteLength
            ? CaseDecision.Invalid($"{field} is {text.Trim().Length} characters; keep it to {MaxNoteLength}.")
            : null;
    }

    /// <summary>Key names are unique regardless of case, so "Alice" and "alice" are one operator.</summary>
    public static bool SameName(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    static string Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown time";

    static void Move(HelpCase c, CaseState state, DateTime now)
    {
        c.State = state;
        c.StateSince = now;
        Touch(c, now);
    }

    static void Touch(HelpCase c, DateTime now)
    {
        c.UpdatedAt = now;
        c.Version++;
    }

    static void Add(HelpCase c, DateTime now, string actor, CaseNoteKind kind, string text) =>
        c.Notes.Add(new CaseNote { CaseId = c.Id, At = now, Actor = actor, Kind = kind, Text = Texts.Shortened.To(text, MaxNoteLength) });
}
