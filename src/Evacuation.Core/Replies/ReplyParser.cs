namespace Evacuation.Core.Replies;

/// <summary>
/// Understands a citizen's reply (the README's "Citizens' replies"), by SMS or Telegram, in English, Hebrew, Russian
/// or Ukrainian, with any case, punctuation, emoji, surrounding words, a misspelt keyword, a Telegram-style command, or
/// Russian/Ukrainian in Latin letters. Pure and fast: no I/O, and only the start of a huge text is read.
/// </summary>
/// <remarks>
/// The steps: read a leading Telegram-style command as its words (<see cref="TelegramCommand"/>); fold the text once
/// into clauses of plain words (<see cref="ReplyText"/>); read each misspelt keyword as the keyword
/// (<see cref="Misspellings"/>); find the phrases of the word tables in each clause and drop negated ones
/// (<see cref="ClauseReading"/>); read a reply code 1-4 (<see cref="CodeReading"/>) and a language request
/// (<see cref="LanguageRequest"/>); pick one meaning, safety first (<see cref="Resolution"/>). The word tables are
/// <see cref="EnglishPhrases"/>, <see cref="HebrewPhrases"/>, <see cref="RussianPhrases"/> and
/// <see cref="UkrainianPhrases"/>.
/// </remarks>
public static class ReplyParser
{
    public static ReplyMeaning Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReplyMeaning.Unknown;
        }

        var book = PhraseBook.Default;
        if (TelegramCommand.Readable(book, text) is not { } readable)
        {
            return ReplyMeaning.Unknown; // someone else's command
        }

        var clauses = ReplyText.Clauses(readable);
        if (clauses.Count == 0)
        {
            return ReplyMeaning.Unknown; // emoji, stickers, punctuation only
        }

        var meanings = new List<ReplyMeaning>();
        for (var i = 0; i < clauses.Count; i++)
        {
            book.Misspellings.Correct(clauses[i]);
            ClauseReading.AddMeanings(book, clauses[i], opensReply: i == 0, meanings);
        }

        return Resolution.Choose(meanings, CodeReading.Read(clauses), LanguageRequest.Read(book, clauses));
    }
}
