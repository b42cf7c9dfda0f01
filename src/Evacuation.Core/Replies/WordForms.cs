namespace Evacuation.Core.Replies;

/// <summary>How one written word is compared with a word from the tables.</summary>
internal static class WordForms
{
    /// <summary>Typo tolerance starts at this length: shorter words have too many one-letter neighbours.</summary>
    public const int TolerantLength = 6;

    /// <summary>
    /// Hebrew writes "and", "that", "the", "to", "in" and "when" as letters glued to the next word
    /// ("ויצאנו", "שיצאנו", "העזרה", "לעברית"). Trying the word without up to two of them lets the tables list
    /// the bare form only.
    /// </summary>
    private const string HebrewPrefixes = "ושהלבכ";

    public static IEnumerable<string> Of(string word)
    {
        yield return word;
        if (word.Length > 2 && HebrewPrefixes.Contains(word[0], StringComparison.Ordinal))
        {
            yield return word[1..];
            if (word.Length > 3 && HebrewPrefixes.Contains(word[1], StringComparison.Ordinal))
            {
                yield return word[2..];
            }
        }
    }

    /// <summary>The same test as looking for <paramref name="tableWord"/> among <see cref="Of"/>, without allocating:
    /// this runs for every word against every phrase.</summary>
    public static bool Same(string tableWord, string word)
    {
        if (string.Equals(tableWord, word, StringComparison.Ordinal))
        {
            return true;
        }

        var rest = word.AsSpan();
        for (var stripped = 0; stripped < 2 && rest.Length > 2 && HebrewPrefixes.Contains(rest[0], StringComparison.Ordinal); stripped++)
        {
            rest = rest[1..];
            if (rest.SequenceEqual(tableWord))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="word"/> is <paramref name="tableWord"/> with at most one letter added, dropped,
    /// changed or two neighbours swapped, and the first two letters right (typos rarely hit the first letters, and
    /// this keeps "въехал" (drove in) away from "выехал" (drove out)).
    /// </summary>
    public static bool OneTypoFrom(string tableWord, string word)
    {
        if (tableWord.Length < TolerantLength || Math.Abs(tableWord.Length - word.Length) > 1)
        {
            return false;
        }

        var common = 0;
        while (common < tableWord.Length && common < word.Length && tableWord[common] == word[common])
        {
            common++;
        }

        if (common < 2)
        {
            return false;
        }

        var a = tableWord.AsSpan(common);
        var b = word.AsSpan(common);
        if (a.Length == b.Length)
        {
            return a.Length == 0
                || a[1..].SequenceEqual(b[1..])
                || (a.Length > 1 && a[0] == b[1] && a[1] == b[0] && a[2..].SequenceEqual(b[2..]));
        }

        return a.Length > b.Length ? a[1..].SequenceEqual(b) : a.SequenceEqual(b[1..]);
    }
}
