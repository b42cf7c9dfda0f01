using System.Runtime.CompilerServices;

namespace Evacuation.Core.Citizens;

/// <summary>
/// The registry's matching and refusal rules. Holds the stored citizens a batch of records may name, by each of the
/// keys a record can carry, and says which one a record updates: the citizen with its <c>externalId</c>, else the one
/// with its phone, else the one with its Telegram chat (a phone or chat match counts only when one side has no
/// externalId, so two consular records never merge). A phone or chat that already belongs to another citizen refuses
/// the record instead of silently moving it.
/// </summary>
/// <remarks>
/// <see cref="Match"/> and <see cref="Index"/> run once per row of an import: compiled optimized at first call instead
/// of starting as unoptimized code that is replaced mid-import (with TieredPGO off, the optimized code is the same
/// either way).
/// </remarks>
public sealed class CitizenKeys(int capacity)
{
    readonly Dictionary<string, Citizen> byExternalId = new(capacity, StringComparer.Ordinal);
    readonly Dictionary<string, Citizen> byPhone = new(capacity, StringComparer.Ordinal);
    readonly Dictionary<long, Citizen> byChat = new(capacity);

    /// <summary>Remembers <paramref name="citizen"/> under its keys as they are now; call again after a key changes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Index(Citizen citizen)
    {
        if (citizen.ExternalId is not null)
        {
            byExternalId[citizen.ExternalId] = citizen;
        }
        if (citizen.Phone is not null)
        {
            byPhone[citizen.Phone] = citizen;
        }
        if (citizen.TelegramChatId is not null)
        {
            byChat[citizen.TelegramChatId.Value] = citizen;
        }
    }

    /// <summary>The citizen <paramref name="fields"/> updates (none: a new citizen), or why the record is refused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CitizenMatch Match(CitizenFields fields)
    {
        var target = Target(fields);
        if (fields.Phone is not null && byPhone.TryGetValue(fields.Phone, out var phoneOwner) && phoneOwner != target)
        {
            return CitizenMatch.Refused($"phone {PhoneNumber.Mask(fields.Phone)} already belongs to another citizen{Owner(phoneOwner)}");
        }
        if (fields.TelegramChatId is not null && byChat.TryGetValue(fields.TelegramChatId.Value, out var chatOwner) && chatOwner != target)
        {
            return CitizenMatch.Refused($"telegramChatId {fields.TelegramChatId} already belongs to another citizen{Owner(chatOwner)}");
        }
        if (target is null && fields.Phone is null && fields.TelegramChatId is null)
        {
            // Only a record with an externalId gets this far without a phone or chat (CitizenRules): it may update,
            // but a new citizen needs a way to be reached.
            return CitizenMatch.Refused(CitizenRules.NeedsContact);
        }
        return new CitizenMatch(target, null);
    }

    Citizen? Target(CitizenFields fields)
    {
        Citizen? target = null;
        if (fields.ExternalId is not null)
        {
            byExternalId.TryGetValue(fields.ExternalId, out target);
        }
        if (target is null && fields.Phone is not null && byPhone.TryGetValue(fields.Phone, out var samePhone)
            && (fields.ExternalId is null || samePhone.ExternalId is null))
        {
            target = samePhone;
        }
        if (target is null && fields.TelegramChatId is not null && byChat.TryGetValue(fields.TelegramChatId.Value, out var sameChat)
            && (fields.ExternalId is null || sameChat.ExternalId is null))
        {
            target = sameChat;
        }
        return target;
    }

    static string Owner(Citizen owner) => owner.ExternalId is null ? $" (id {owner.Id})" : $" (externalId {owner.ExternalId})";
}

/// <summary>
/// What <see cref="CitizenKeys.Match"/> found: the stored citizen a record updates (null: it is a new citizen), or the
/// reason it is refused. A struct: an import makes 100,000 of them.
/// </summary>
public readonly record struct CitizenMatch(Citizen? Target, string? Refusal)
{
    public static CitizenMatch Refused(string reason) => new(null, reason);
}
