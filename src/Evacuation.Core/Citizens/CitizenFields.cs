namespace Evacuation.Core.Citizens;

/// <summary>A citizen's fields after checking: phone in E.164, language code lower-case, region canonical.</summary>
public sealed record CitizenFields(
    string? ExternalId,
    string Name,
    string? Phone,
    long? TelegramChatId,
    string Language,
    string? Region,
    int HouseholdSize);
