namespace Evacuation.Core.Citizens;

/// <summary>A citizen as an operator or a CSV row writes it: every field raw text, nothing checked yet.</summary>
public sealed record CitizenInput(
    string? ExternalId,
    string? Name,
    string? Phone,
    string? TelegramChatId,
    string? Language,
    string? Region,
    string? HouseholdSize);
