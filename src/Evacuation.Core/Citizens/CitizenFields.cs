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
    bool HouseholdSizeGiven = true)
{
    /// <summary>
    /// A new citizen with these fields, created by <paramref name="actor"/> (an operator key's name) at <paramref name="now"/>.
    /// </summary>
    public Citizen ToCitizen(string actor, DateTime now) => new()
    {
        ExternalId = ExternalId,
        Name = Name,
        Phone = Phone,
        TelegramChatId = TelegramChatId,
        Language = Language,
        Region = Region,
        HouseholdSize = HouseholdSize,
        CreatedAt = now,
        CreatedBy = actor,
        UpdatedAt = now,
    };

    /// <summary>
    /// Copies the fields given onto a stored citizen (fields left empty keep the stored value); returns the names of
    /// those that changed. A new phone or chat is assumed reachable until a provider says otherwise.
    /// </summary>
    public List<string> ApplyTo(Citizen citizen)
    {
        var changed = new List<string>();
        if (ExternalId is not null && citizen.ExternalId != ExternalId)
        {
            citizen.ExternalId = ExternalId;
            changed.Add("externalId");
        }
        if (Name.Length > 0 && citizen.Name != Name)
        {
            citizen.Name = Name;
            changed.Add("name");
        }
        if (Phone is not null && citizen.Phone != Phone)
        {
            citizen.Phone = Phone;
            citizen.SmsUnreachable = false;
            changed.Add("phone");
        }
        if (TelegramChatId is not null && citizen.TelegramChatId != TelegramChatId)
        {
            citizen.TelegramChatId = TelegramChatId;
            citizen.TelegramUnreachable = false;
            changed.Add("telegramChatId");
        }
        if (LanguageGiven && citizen.Language != Language)
        {
            citizen.Language = Language;
            changed.Add("language");
        }
        if (Region is not null && citizen.Region != Region)
        {
            citizen.Region = Region;
            changed.Add("region");
        }
        if (HouseholdSizeGiven && citizen.HouseholdSize != HouseholdSize)
        {
            citizen.HouseholdSize = HouseholdSize;
            changed.Add("householdSize");
        }
        return changed;
    }
}
