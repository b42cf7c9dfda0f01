using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// "LANG he", "/lang עברית", "язык русский", "змінити мову на українську": a language word, and the last language
/// name in the same clause (null when none is given, so the caller asks). A reply that is nothing but a full
/// language name ("Русский", "English") is also a request, as people answer the caller's question that way.
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
        if (clauses is [[var only]] && only.Length > 2 && book.LanguageNamed(only) is { } named)
        {
            return new ReplyMeaning(ReplyKind.Language, Language: named);
        }

        return null;
    }
}
