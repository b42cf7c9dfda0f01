namespace Evacuation.Core.Replies;

/// <summary>
/// Understands a citizen's reply (docs/api.md, "Replies"), by SMS or Telegram, in English, Hebrew, Russian or
/// Ukrainian, with any case, punctuation, emoji, surrounding words, a typo, or Russian/Ukrainian in Latin letters.
/// Pure and fast: no I/O, and only the start of a huge text is read.
/// </summary>
/// <remarks>
/// The steps: fold the text once into clauses of plain words (<see cref="ReplyText"/>); find the phrases of the word
/// tables in each clause and drop negated ones (<see cref="ClauseReading"/>); read a reply code 1-4
/// (<see cref="ReplyCodes"/>) and a language request (<see cref="LanguageRequest"/>); pick one meaning, safety
/// first (<see cref="Resolution"/>). The word tables are <see cref="EnglishPhrases"/>, <see cref="HebrewPhrases"/>,
/// <see cref="RussianPhrases"/> and <see cref="UkrainianPhrases"/>.
/// </remarks>
public static class ReplyParser
{
    public static ReplyMeaning Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || TelegramCommand.IsSomeoneElses(text))
        {
            return ReplyMeaning.Unknown;
        }

        var clauses = ReplyText.Clauses(text);
        if (clauses.Count == 0)
        {
            return ReplyMeaning.Unknown; // emoji, stickers, punctuation only
        }

        var book = PhraseBook.Default;
        var meanings = clauses
            .SelectMany((clause, index) => ClauseReading.Meanings(book, clause, opensReply: index == 0))
            .ToList();
        return Resolution.Choose(meanings, ReplyCodes.Read(clauses), LanguageRequest.Read(book, clauses));
    }
}
