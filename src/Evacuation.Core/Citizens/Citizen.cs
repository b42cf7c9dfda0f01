namespace Evacuation.Core.Citizens;

/// <summary>A person we must get out: how to reach them, what they told us, where they should cross.</summary>
public sealed class Citizen
{
    public Guid Id { get; set; } = RecordId.New();

    /// <summary>The consular record's own id, when the citizen came from an import.</summary>
    public string? ExternalId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>E.164, e.g. +380501234567.</summary>
    public string? Phone { get; set; }

    public long? TelegramChatId { get; set; }

    public string Language { get; set; } = Citizens.Language.English;

    public string? Region { get; set; }

    public int HouseholdSize { get; set; } = 1;

    public JourneyStatus Status { get; set; } = JourneyStatus.Unconfirmed;

    public bool OptedOut { get; set; }

    /// <summary>Set when a provider told us the channel can never reach this citizen (blocked bot, STOP by SMS).</summary>
    public bool TelegramUnreachable { get; set; }

    public bool SmsUnreachable { get; set; }

    public string? AssignedCrossing { get; set; }

    public DateTime? AssignedCrossingAt { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DateTime? LastContactAt { get; set; }

    public int RemindersSent { get; set; }

    /// <summary>
    /// When the reminder sweep last queued a reminder for this citizen: the claim that makes each reminder queued once
    /// (a second sweep finds it changed). <see cref="RemindersSent"/> moves only when a reminder is sent.
    /// </summary>
    public DateTime? ReminderQueuedAt { get; set; }

    public DateTime? EscalatedAt { get; set; }

    /// <summary>The secret in this citizen's Telegram deep link (<c>t.me/bot?start=TOKEN</c>), sent by SMS invitation.</summary>
    public string? InviteToken { get; set; }

    /// <summary>Set for the demo citizens of a drill: kept out of reports and operators' broadcasts, sent to only through the sandbox.</summary>
    public Guid? DrillId { get; set; }

    /// <summary>
    /// The secret of the citizen's check-in page (<see cref="CheckIn.CheckInToken"/>), issued with the record; null once
    /// an operator revoked it, until they issue a new one.
    /// </summary>
    public string? CheckInToken { get; set; } = CheckIn.CheckInToken.New();

    public DateTime CreatedAt { get; set; }

    /// <summary>Who registered the citizen: an operator key's name, or "citizen" for self-enrolment.</summary>
    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public bool HasUsableTelegram => TelegramChatId is not null && !TelegramUnreachable;

    public bool HasUsableSms => Phone is not null && !SmsUnreachable;

    /// <summary>No channel left that could carry a message to this citizen.</summary>
    public bool IsUnreachable => !HasUsableTelegram && !HasUsableSms;
}
