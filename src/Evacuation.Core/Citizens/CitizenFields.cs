namespace Evacuation.Core.Citizens;

/// <summary>
/// A citizen's fields after checking: phone in E.164, language code lower-case, region canonical.
/// <see cref="LanguageGiven"/> and <see cref="HouseholdSizeGiven"/> tell a default from a value the input gave,
/// so an update that leaves them empty keeps what is stored.
/// </summary>
public sealed record CitizenFields(
    string? ExternalId,
    string Name,
    string? Phone,
    long? TelegramChatId,
    string Language,
    string? Region,
    int HouseholdSize,
    bool LanguageGiven = true,
    bool HouseholdSizeGiven = true);
