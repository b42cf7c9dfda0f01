using System.Globalization;
using System.Text.Json.Serialization;
using Evacuation.Core.Cases;
using Evacuation.Core.Citizens;

namespace Evacuation.Host.Cases;

/// <summary>
/// A help case as the API shows it: the person (a citizen, or a stranger's address), who has it, and, for one case,
/// its history. Viewer keys see phones masked to their last three digits and no chat ids.
/// </summary>
public sealed record CaseView(
    string Id,
    CaseState State,
    CaseCitizen? Citizen,
    string Channel,
    string? Sender,
    DateTime OpenedAt,
    DateTime StateSince,
    string? AssignedTo,
    int Requests,
    DateTime LastRequestAt,
    string? ResolvedBy,
    DateTime? ResolvedAt,
    string? Resolution,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CaseNoteView>? Notes = null)
{
    public static CaseView Of(HelpCase c, Citizen? citizen, bool masked) => new(
        c.Id.ToString(CultureInfo.InvariantCulture),
        c.State,
        citizen is null ? null : CaseCitizen.Of(citizen, masked),
        c.Channel.ToString(),
        c.Sender is null ? null : masked ? PhoneNumber.Mask(c.Sender) : c.Sender,
        c.OpenedAt,
        c.StateSince,
        c.AssignedTo,
        c.Requests,
        c.LastRequestAt,
        c.ResolvedBy,
        c.ResolvedAt,
        c.Resolution);
}

/// <summary>What a caller needs before dialling.</summary>
public sealed record CaseCitizen(
    string Id, string Name, string? Phone, string? TelegramChatId, string Language, string? Region, int HouseholdSize, JourneyStatus Status, bool OptedOut)
{
    public static CaseCitizen Of(Citizen c, bool masked) => new(
        c.Id.ToString(),
        c.Name,
        c.Phone is null ? null : masked ? PhoneNumber.Mask(c.Phone) : c.Phone,
        masked ? null : c.TelegramChatId?.ToString(CultureInfo.InvariantCulture),
        c.Language,
        c.Region,
        c.HouseholdSize,
        c.Status,
        c.OptedOut);
}

public sealed record CaseNoteView(DateTime At, string Actor, CaseNoteKind Kind, string Text);

public sealed record CasePage(IReadOnlyList<CaseView> Items, int Page, int PageSize, int Total);

/// <summary>The body of <c>/note</c> and <c>/resolve</c>; <c>/assign</c> reads <see cref="TakeOver"/>.</summary>
public sealed record CaseRequest(string? Note, bool TakeOver = false);
