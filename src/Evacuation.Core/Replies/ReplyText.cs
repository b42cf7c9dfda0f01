using System.Globalization;
using System.Text;

namespace Evacuation.Core.Replies;

/// <summary>
/// Turns a reply into clauses of plain lower-case words, once, so the word tables can be written naturally and
/// compared with simple equality. A clause ends at sentence punctuation, which limits how far a negation reaches
/// ("No. We left." is not a negation of "left").
/// </summary>
internal static class ReplyText
{
    /// <summary>Only the start of a huge text is read: a real reply is a few words, and this bounds the work.</summary>
    public const int MaxCharacters = 1000;

    /// <summary>Word cap after splitting, for the same reason.</summary>
    public const int MaxWords = 200;

    private const char ClauseBreak = '\n';

    public static IReadOnlyList<string[]> Clauses(string text)
    {
        var folded = Fold(Cap(text));
        var clauses = new List<string[]>();
        var words = 0;
        foreach (var part in folded.Split(ClauseBreak))
        {
            var clause = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (clause.Length == 0)
            {
                continue;
            }

            if (words + clause.Length > MaxWords)
            {
                clause = clause[..(MaxWords - words)];
            }

            clauses.Add(clause.Select(Lookalikes.Fold).ToArray());
            words += clause.Length;
            if (words >= MaxWords)
            {
                break;
            }
        }

        return clauses;
    }

    /// <summary>All the words of <paramref name="text"/>, ignoring clause breaks (used for the word tables).</summary>
    public static string[] Words(string text) => Clauses(text).SelectMany(clause => clause).ToArray();

    private static string Cap(string text)
    {
        if (text.Length <= MaxCharacters)
        {
            return text;
        }

        // Never cut a surrogate pair in half.
        var end = char.IsHighSurrogate(text[MaxCharacters - 1]) ? MaxCharacters - 1 : MaxCharacters;
        return text[..end];
    }

    private static string Fold(string text)
    {
        // Compatibility decomposition turns full-width letters, circled digits and ligatures into plain ones, and
        // splits accents (and Hebrew niqqud stays a separate mark) so they can be dropped below.
        var decomposed = text.Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var folded = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            Append(folded, rune);
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void Append(StringBuilder folded, Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark:
                // Drop accents, stress marks, niqqud, emoji variation selectors and the keycap of "1️⃣".
                // Keep the breve of "й": it is a different letter, not an accent. "ё" and "ї" lose their
                // dots on purpose, as people often type "е" and "і" for them.
                if (rune.Value == 0x0306 && folded.Length > 0 && folded[^1] is 'и' or 'у')
                {
                    folded.Append((char)rune.Value);
                }

                return;
            case UnicodeCategory.Format:
                return; // zero-width joiners, direction marks
            case UnicodeCategory.DecimalDigitNumber:
                folded.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
                return;
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter:
                AppendLetter(folded, rune);
                return;
            default:
                AppendSeparator(folded, rune);
                return;
        }
    }

    private static void AppendLetter(StringBuilder folded, Rune rune)
    {
        switch (rune.Value)
        {
            case 'ʼ' or 'ʻ' or 'ˈ':
                return; // modifier-letter apostrophes, as in Ukrainian "з'їхали"
            case 'ґ':
                folded.Append('г'); // often typed as "г"
                return;
            default:
                folded.Append(rune.ToString());
                return;
        }
    }

    private static void AppendSeparator(StringBuilder folded, Rune rune)
    {
        switch (rune.Value)
        {
            case '\'' or '’' or '‘' or '`' or '´' or '׳' or '״':
                return; // apostrophes join: "haven't" -> "havent", "з'їхав" -> "зїхав", "צ׳ק" -> "צק"
            case '.' or ',' or '!' or '?' or ';' or '…' or '\n' or '\r' or '¿' or '¡' or '؟' or '׃':
                folded.Append(ClauseBreak);
                return;
            case 0x1F198: // 🆘
                folded.Append(" sos ");
                return;
            default:
                folded.Append(' '); // other punctuation, symbols and emoji separate words
                return;
        }
    }
}
