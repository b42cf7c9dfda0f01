using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// "LANG he", "/lang עברית", "язык русский", "змінити мову на українську": a language word, and the last language
/// name in the same clause (null when none is given, so the caller asks). A reply of one or two words, one of them a
/// full language name ("Русский", "English please"), is also a request: people answer the caller's question so.
/// </summary>
internal static class LanguageRequest
{
    public static ReplyMeaning? Read(PhraseBook book, IReadOnlyList<string[]> clauses)
    {
        foreach (var clause in clauses)
        {
            var keyword = Array.FindIndex(clause, book.IsLanguageWord);
            if (keyword < 0)
            {
                continue;
            }

            var code = clause
                .Where((_, i) => i != keyword)
                .Select(book.LanguageNamed)
                .LastOrDefault(named => named is not null);
            return new ReplyMeaning(ReplyKind.Language, Language: code);
        }

        // Two-letter codes alone ("he", "uk") are too easily ordinary words to count without a language word.
        var words = clauses.SelectMany(clause => clause).ToArray();
        if (words.Length > 2 || words.Any(book.IsNegation))
        {
            return null;
        }

        var named = words.Where(word => word.Length > 2).Select(book.LanguageNamed).FirstOrDefault(code => code is not null);
        return named is null ? null : new ReplyMeaning(ReplyKind.Language, Language: named);
    }
}
