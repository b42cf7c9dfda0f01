namespace Evacuation.Core.Replies;

/// <summary>How one written word is compared with a word from the tables.</summary>
internal static class WordForms
{
    /// <summary>A letter added that doubles neither neighbour ("travelking") is forgiven only in keywords this long.</summary>
    public const int AddedLetterLength = 6;

    /// <summary>
    /// Hebrew writes "and", "that", "the", "to", "in" and "when" as letters glued to the next word
    /// ("ויצאנו", "שיצאנו", "העזרה", "לעברית"). Trying the word without up to two of them lets the tables list
    /// the bare form only.
    /// </summary>
    private const string HebrewPrefixes = "ושהלבכ";

    public static IEnumerable<string> Of(string word)
    {
        yield return word;
        var glued = GluedPrefixes(word);
        for (var stripped = 1; stripped <= glued; stripped++)
        {
            yield return word[stripped..];
        }
    }

    /// <summary>How many leading letters of <paramref name="word"/> may be glued Hebrew prefixes (0 to 2): its forms
    /// are the word without 0, 1 ... that many letters, as <see cref="Of"/> lists them.</summary>
    public static int GluedPrefixes(ReadOnlySpan<char> word)
    {
        var glued = 0;
        while (glued < 2 && word.Length - glued > 2 && HebrewPrefixes.Contains(word[glued], StringComparison.Ordinal))
        {
            glued++;
        }

        return glued;
    }

    /// <summary>The same test as looking for <paramref name="tableWord"/> among <see cref="Of"/>, without allocating.</summary>
    public static bool Same(string tableWord, string word)
    {
        if (string.Equals(tableWord, word, StringComparison.Ordinal))
        {
            return true;
        }

        var glued = GluedPrefixes(word);
        for (var stripped = 1; stripped <= glued; stripped++)
        {
            if (word.AsSpan(stripped).SequenceEqual(tableWord))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="word"/> is <paramref name="keyword"/> typed with one slip: a letter dropped ("stp"),
    /// doubled ("stopp"), swapped with its neighbour ("stpo"), changed ("stap"), or in long keywords added
    /// ("travelking"). The first letter is always right, and a changed or added letter is never among the first two:
    /// slips there rarely happen, and it keeps "въехал" (drove in) away from "выехал" (drove out). Whether the slip is
    /// read as the keyword is for <see cref="Misspellings"/> to say.
    /// </summary>
    public static bool OneSlipFrom(string keyword, ReadOnlySpan<char> word)
    {
        var k = keyword.AsSpan();
        if (k.Length < 2 || word.IsEmpty || word[0] != k[0])
        {
            return false;
        }

        var at = k.CommonPrefixLength(word); // at least 1: the first letters are the same
        switch (word.Length - k.Length)
        {
            case -1:
                return k[(at + 1)..].SequenceEqual(word[at..]);
            case 1:
                return word[(at + 1)..].SequenceEqual(k[at..])
                    && (word[at] == word[at - 1] || (k.Length >= AddedLetterLength && at >= 2));
            case 0 when at < k.Length:
                var swapped = at + 1 < k.Length && word[at] == k[at + 1] && word[at + 1] == k[at]
                    && k[(at + 2)..].SequenceEqual(word[(at + 2)..]);
                return swapped || (at >= 2 && k[(at + 1)..].SequenceEqual(word[(at + 1)..]));
            default:
                return false;
        }
    }
}
