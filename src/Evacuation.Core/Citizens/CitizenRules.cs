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
        var findings = new Findings();
        var externalId = ExternalId(input.ExternalId, ref findings);
        var name = Name(input.Name, ref findings);
        var rawPhone = Clean(input.Phone);
        var rawChat = Clean(input.TelegramChatId);
        var phone = Phone(rawPhone, ref findings);
        var chatId = ChatId(rawChat, ref findings);
        // With an externalId the record may update a stored citizen who already has a phone or chat; the registry
        // refuses it if it turns out to be new (NeedsContact).
        if (rawPhone is null && rawChat is null && externalId is null)
        {
            findings.Error(NeedsContact);
        }
        var rawLanguage = Clean(input.Language);
        var language = LanguageOf(rawLanguage, ref findings);
        var region = Region(Clean(input.Region), ref findings);
        var rawHousehold = Clean(input.HouseholdSize);
        var household = HouseholdSize(rawHousehold, ref findings);

        IReadOnlyList<string> warned = findings.Warnings is null ? [] : findings.Warnings;
        if (findings.Errors is { } errors)
        {
            return new CitizenCheck(null, errors, warned);
        }
        return new CitizenCheck(
            new CitizenFields(externalId, name, phone, chatId, language, region, household, rawLanguage is not null, rawHousehold is not null),
            [],
            warned);
    }

    /// <summary>
    /// What a check found. Most records have neither errors nor warnings: the lists are made on the first one. A
    /// struct passed by reference, so a clean row allocates nothing for it.
    /// </summary>
    struct Findings
    {
        public List<string>? Errors;
        public List<string>? Warnings;

        public void Error(string error) => (Errors ??= []).Add(error);

        public void Warn(string warning) => (Warnings ??= []).Add(warning);
    }

    static string? ExternalId(string? raw, ref Findings findings)
    {
        var externalId = Clean(raw);
        if (externalId is { Length: > MaxExternalIdLength })
        {
            findings.Error($"externalId is longer than {MaxExternalIdLength} characters");
        }
        return externalId;
    }

    static string Name(string? raw, ref Findings findings)
    {
        var name = Clean(raw) ?? "";
        if (name.Length > MaxNameLength)
        {
            findings.Error($"name is longer than {MaxNameLength} characters ({name.Length})");
        }
        else if (HasControlCharacter(name))
        {
            findings.Error("name contains control characters");
        }
        return name;
    }

    string? Phone(string? raw, ref Findings findings)
    {
        if (raw is null)
        {
            return null;
        }
        if (PhoneNumber.TryNormalize(raw, defaultRegion, out var e164, out var phoneError))
        {
            return e164;
        }
        findings.Error(phoneError);
        return null;
    }

    static long? ChatId(string? raw, ref Findings findings)
    {
        if (raw is null)
        {
            return null;
        }
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && id != 0)
        {
            return id;
        }
        findings.Error("telegramChatId must be a whole number, as Telegram gives it (e.g. 123456789)");
        return null;
    }

    static string LanguageOf(string? raw, ref Findings findings)
    {
        var language = Language.English;
        if (raw is not null && !Language.TryParse(raw, out language))
        {
            findings.Error($"language '{Truncate(raw)}' is not one we write in; use one of {string.Join(", ", Language.All)}");
        }
        return language;
    }

    /// <summary>Stored in the crossings file's spelling when the file knows it; an unknown region is kept with a warning.</summary>
    string? Region(string? raw, ref Findings findings)
    {
        if (raw is null)
        {
            return null;
        }
        if (raw.Length > MaxRegionLength)
        {
            findings.Error($"region is longer than {MaxRegionLength} characters");
            return null;
        }
        if (regions.TryFind(raw, out var known))
        {
            return known.Name;
        }
        findings.Warn($"region '{Truncate(raw)}' is not in the crossings file; the citizen is stored and will be routed once they share a location");
        return raw;
    }

    static int HouseholdSize(string? raw, ref Findings findings)
    {
        var household = 1;
        if (raw is not null && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out household)
            || household < 1 || household > MaxHouseholdSize))
        {
            findings.Error($"householdSize must be a whole number from 1 to {MaxHouseholdSize}");
        }
        return household;
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

    static string Truncate(string value) => Texts.Shortened.WithEllipsis(value, 40);
}
