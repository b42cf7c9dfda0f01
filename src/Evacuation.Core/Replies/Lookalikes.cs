using System.Collections.Frozen;

namespace Evacuation.Core.Replies;

/// <summary>
/// Folds letters that look alike in Latin and Cyrillic inside one word ("выехaл" typed with a Latin "a",
/// "sтop" with a Cyrillic "т") into the script most of the word is written in.
/// </summary>
internal static class Lookalikes
{
    private static readonly FrozenDictionary<char, char> LatinToCyrillic = new Dictionary<char, char>
    {
        ['a'] = 'а', ['b'] = 'в', ['c'] = 'с', ['e'] = 'е', ['h'] = 'н', ['i'] = 'і', ['k'] = 'к', ['m'] = 'м',
        ['o'] = 'о', ['p'] = 'р', ['t'] = 'т', ['x'] = 'х', ['y'] = 'у',
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, char> CyrillicToLatin =
        LatinToCyrillic.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    public static string Fold(string word)
    {
        var latin = 0;
        var cyrillic = 0;
        foreach (var letter in word)
        {
            if (letter is >= 'a' and <= 'z')
            {
                latin++;
            }
            else if (letter is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
        }

        if (latin == 0 || cyrillic == 0)
        {
            return word;
        }

        var map = cyrillic >= latin ? LatinToCyrillic : CyrillicToLatin;
        return string.Create(word.Length, (word, map), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.map.GetValueOrDefault(state.word[i], state.word[i]);
            }
        });
    }
}
