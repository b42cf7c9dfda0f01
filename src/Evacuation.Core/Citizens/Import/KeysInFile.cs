namespace Evacuation.Core.Citizens.Import;

/// <summary>
/// The keys the rows of one file have used so far, so a second row with the same externalId, phone or chat is refused
/// with the line of the first. Every key is remembered to the end of the file: phones as their E.164 digits in a
/// long, not as strings, which keeps a large import's memory down (README, "Benchmarks").
/// </summary>
public sealed class KeysInFile
{
    readonly Dictionary<string, int> externalIds = new(StringComparer.Ordinal);
    readonly Dictionary<long, int> phones = [];
    readonly Dictionary<long, int> chats = [];

    /// <summary>Why the row on <paramref name="line"/> repeats an earlier one, or null after remembering its keys.</summary>
    public string? Claim(CitizenFields fields, int line)
    {
        if (fields.ExternalId is not null && externalIds.TryGetValue(fields.ExternalId, out var externalIdLine))
        {
            return $"externalId '{fields.ExternalId}' already appears on line {externalIdLine} of this file";
        }
        if (fields.Phone is not null && phones.TryGetValue(PhoneNumber.Digits(fields.Phone), out var phoneLine))
        {
            return $"phone {PhoneNumber.Mask(fields.Phone)} already appears on line {phoneLine} of this file";
        }
        if (fields.TelegramChatId is { } chat && chats.TryGetValue(chat, out var chatLine))
        {
            return $"telegramChatId {chat} already appears on line {chatLine} of this file";
        }
        if (fields.ExternalId is not null)
        {
            externalIds[fields.ExternalId] = line;
        }
        if (fields.Phone is not null)
        {
            phones[PhoneNumber.Digits(fields.Phone)] = line;
        }
        if (fields.TelegramChatId is { } c)
        {
            chats[c] = line;
        }
        return null;
    }
}
