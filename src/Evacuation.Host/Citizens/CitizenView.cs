using System.Text.Json.Serialization;
using Evacuation.Core.Citizens;

namespace Evacuation.Host.Citizens;

/// <summary>
/// A citizen as the API shows it. Ids are strings. <c>timeline</c> only in the detail; <c>warnings</c> only in the answer to
/// <c>POST /api/citizens</c> that stored something worth a second look (an unknown region).
/// </summary>
public sealed record CitizenView(
    string Id,
    string? ExternalId,
    string Name,
    string? Phone,
    string? TelegramChatId,
    string Language,
    string? Region,
    int HouseholdSize,
    JourneyStatus Status,
    bool OptedOut,
    string? AssignedCrossing,
    DateTime? LastContactAt,
    int RemindersSent,
    bool Escalated,
    bool TelegramUnreachable,
    bool SmsUnreachable,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TimelineEntry>? Timeline = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Warnings = null)
{
    public static CitizenView From(Citizen c) => new(
        c.Id.ToString(),
        c.ExternalId,
        c.Name,
        c.Phone,
        c.TelegramChatId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        c.Language,
        c.Region,
        c.HouseholdSize,
        c.Status,
        c.OptedOut,
        c.AssignedCrossing,
        c.LastContactAt,
        c.RemindersSent,
        c.EscalatedAt is not null,
        c.TelegramUnreachable,
        c.SmsUnreachable,
        c.CreatedAt,
        c.UpdatedAt);

    /// <summary>
    /// What a Viewer key (a wall screen anyone in the room can read) is shown: the phone masked to its last three
    /// digits and no chat id.
    /// </summary>
    public CitizenView ForViewer() => this with { Phone = Phone is null ? null : PhoneNumber.Mask(Phone), TelegramChatId = null };

    /// <summary>The view for the key that asked: whole for Operators and Admins, <see cref="ForViewer"/> for Viewers.</summary>
    public CitizenView For(System.Security.Claims.ClaimsPrincipal user) => Operators.Roles.SeesPersonalData(user) ? this : ForViewer();
}

/// <summary>One entry of a citizen's timeline.</summary>
public sealed record TimelineEntry(DateTime At, string Kind, string Actor, string Detail);

public sealed record CitizenPage(IReadOnlyList<CitizenView> Items, int Page, int PageSize, int Total);
