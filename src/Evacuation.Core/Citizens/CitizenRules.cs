using System.Globalization;
using Evacuation.Core.Routes;
using System.Runtime.CompilerServices;

namespace Evacuation.Core.Citizens;

/// <summary>
/// The rules every citizen record obeys, whichever door it came in by (API, CSV import, enrolment).
/// Errors refuse the record; warnings keep it and tell the operator something needs attention.
/// </summary>
public sealed class CitizenRules(string defaultRegion, RegionCatalog regions)
{
    public const int MaxNameLength = 200;
    public const int MaxExternalIdLength = 100;
    public const int MaxRegionLength = 100;
    public const int MaxHouseholdSize = 50;

    public const string NeedsContact = "a citizen needs a phone or a telegramChatId; this record has neither";

    // Runs once per row of an import: compiled optimized at first call instead of starting as unoptimized code that is
    // replaced mid-import (with TieredPGO off, the optimized code is the same either way).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CitizenCheck Check(CitizenInput input)
    {
        // Most records have neither errors nor warnings: the lists are made on the first one.
        List<string>? errors = null;
        List<string>? warnings = null;
        void Error(string error) => (errors ??= []).Add(error);
        void Warn(string warning) => (warnings ??= []).Add(warning);

        var externalId = Clean(input.ExternalId);
        if (externalId is { Length: > MaxExternalIdLength })
        {
            Error($"externalId is longer than {MaxExternalIdLength} characters");
        }

        var name = Clean(input.Name) ?? "";
        if (name.Length > MaxNameLength)
        {
            Error($"name is longer than {MaxNameLength} characters ({name.Length})");
        }
        else if (HasControlCharacter(name))
        {
            Error("name contains control characters");
        }

        string? phone = null;
        var rawPhone = Clean(input.Phone);
        if (rawPhone is not null)
        {
            if (PhoneNumber.TryNormalize(rawPhone, defaultRegion, out var e164, out var phoneError))
            {
                phone = e164;
            }
            else
            {
                Error(phoneError);
            }
        }

        long? chatId = null;
        var rawChat = Clean(input.TelegramChatId);
        if (rawChat is not null)
        {
            if (long.TryParse(rawChat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && id != 0)
            {
                chatId = id;
            }
            else
            {
                Error("telegramChatId must be a whole number, as Telegram gives it (e.g. 123456789)");
            }
        }

        // With an externalId the record may update a stored citizen who already has a phone or chat; the registry
        // refuses it if it turns out to be new (NeedsContact).
        if (rawPhone is null && rawChat is null && externalId is null)
        {
            Error(NeedsContact);
        }

        var language = Language.English;
        var rawLanguage = Clean(input.Language);
        if (rawLanguage is not null && !Language.TryParse(rawLanguage, out language))
        {
            Error($"language '{Truncate(rawLanguage)}' is not one we write in; use one of {string.Join(", ", Language.All)}");
        }

        string? region = null;
        var rawRegion = Clean(input.Region);
        if (rawRegion is not null)
        {
            if (rawRegion.Length > MaxRegionLength)
            {
                Error($"region is longer than {MaxRegionLength} characters");
            }
            else if (regions.TryFind(rawRegion, out var known))
            {
                region = known.Name;
            }
            else
            {
                region = rawRegion;
                Warn($"region '{Truncate(rawRegion)}' is not in the crossings file; the citizen is stored and will be routed once they share a location");
            }
        }

        var household = 1;
        var rawHousehold = Clean(input.HouseholdSize);
        if (rawHousehold is not null)
        {
            if (!int.TryParse(rawHousehold, NumberStyles.None, CultureInfo.InvariantCulture, out household)
                || household < 1 || household > MaxHouseholdSize)
            {
                Error($"householdSize must be a whole number from 1 to {MaxHouseholdSize}");
            }
        }

        IReadOnlyList<string> warned = warnings is null ? [] : warnings;
        if (errors is not null)
        {
            return new CitizenCheck(null, errors, warned);
        }
        return new CitizenCheck(
            new CitizenFields(externalId, name, phone, chatId, language, region, household, rawLanguage is not null, rawHousehold is not null),
            [],
            warned);
    }

    static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }
        return false;
    }

    static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
