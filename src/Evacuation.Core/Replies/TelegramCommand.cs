using System.Globalization;

namespace Evacuation.Core.Replies;

/// <summary>
/// A command typed Telegram-style, in a Telegram chat or in an SMS: "/stop", "/route", "/lang he", "/help@EvacBot",
/// and the same with each language's own words ("/стоп", "/маршрут", "/עזרה"). A command of ours
/// (<see cref="Vocabulary.Commands"/>) is read as its words, so "/stop" means what "stop" means; anyone else's
/// ("/settings", "/cancel") means nothing to us. Telegram's "/start" is the caller's to handle first (it enrols and
/// links chats); in an SMS it is START. Command names may carry "@botname" in group chats:
/// https://core.telegram.org/bots/features#commands
/// </summary>
internal static class TelegramCommand
{
    /// <summary>
    /// The text to read: <paramref name="text"/> itself when it opens with no command; the text without the slash and
    /// the "@botname" when the command is ours ("/lang@EvacBot he" is read as "lang he"); null when it is someone else's.
    /// </summary>
    public static string? Readable(PhraseBook book, string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '/')
        {
            return text;
        }

        var rest = trimmed[1..];
        var length = 0;
        while (length < rest.Length && IsNameCharacter(rest[length]))
        {
            length++;
        }

        if (length == 0)
        {
            return text; // a stray slash ("/ 1"), not a command
        }

        var name = rest[..length];
        var words = ReplyText.Words(name.ToString());
        if (words is not [var word] || !book.IsCommand(word))
        {
            return null;
        }

        var after = rest[length..];
        if (after.StartsWith('@'))
        {
            var end = after.IndexOfAny(' ', '\n', '\t');
            after = end < 0 ? [] : after[end..];
        }

        return string.Concat(name, after);
    }

    /// <summary>Telegram's names are Latin letters, digits and underscores; typed ones may be any letters, with accents
    /// or niqqud.</summary>
    private static bool IsNameCharacter(char c) =>
        char.IsLetterOrDigit(c) || c == '_'
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
