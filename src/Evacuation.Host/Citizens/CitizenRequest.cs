using System.Text.Json;

namespace Evacuation.Host.Citizens;

/// <summary>
/// The body of <c>POST /api/citizens</c>. Numbers may come as JSON numbers or strings; every field is checked by
/// the same rules as a CSV row.
/// </summary>
public sealed class CitizenRequest
{
    public string? ExternalId { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public JsonElement? TelegramChatId { get; set; }

    public string? Language { get; set; }

    public string? Region { get; set; }

    public JsonElement? HouseholdSize { get; set; }

    public Core.Citizens.CitizenInput ToInput() =>
        new(ExternalId, Name, Phone, Text(TelegramChatId), Language, Region, Text(HouseholdSize));

    static string? Text(JsonElement? element) => element?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.Value.GetString(),
        _ => element.Value.GetRawText(),
    };
}
