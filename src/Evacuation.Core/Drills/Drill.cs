namespace Evacuation.Core.Drills;

/// <summary>
/// A rehearsal: demo citizens seeded and sent an Advisory through the sandbox, then answering over a set time as
/// real people would. Its citizens carry its id (<c>Citizen.DrillId</c>), which keeps them out of reports, stats and
/// operators' broadcasts, and sends their messages through the sandbox whatever the live channels are.
/// </summary>
public sealed class Drill
{
    public Guid Id { get; set; } = RecordId.New();

    public DrillState State { get; set; } = DrillState.Running;

    public string StartedBy { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime EndsAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int Citizens { get; set; }

    public double Minutes { get; set; }

    public bool CloseCrossing { get; set; }

    /// <summary>Seeds the population and the plan, so a drill can be told again exactly.</summary>
    public int Seed { get; set; }

    public Guid? AdvisoryId { get; set; }

    public int AnswersPlanned { get; set; }

    public int AnswersSent { get; set; }

    public int ReminderRounds { get; set; }

    public int Escalated { get; set; }

    /// <summary>The crossing the drill closed halfway, with what it was before, restored when the drill is cleaned.</summary>
    public string? CrossingId { get; set; }

    public DateTime? CrossingClosedAt { get; set; }

    public string? CrossingStatusBefore { get; set; }

    public string? CrossingNotesBefore { get; set; }

    public DateTime? CleanedAt { get; set; }

    public string? CleanedBy { get; set; }
}

public enum DrillState
{
    Running,

    /// <summary>Every planned answer was given and the time is up.</summary>
    Finished,

    /// <summary>The service stopped while it ran; its citizens and rows stay until cleaned.</summary>
    Interrupted,

    /// <summary>Its citizens and their rows were removed; the drill row and the audit trail remain.</summary>
    Cleaned,
}
