namespace Evacuation.Core.Texts;

/// <summary>
/// Texts cut to fit a column or a message, never inside a character: half a surrogate pair is not UTF-8, so
/// PostgreSQL refuses the whole row (and JSON writers refuse it too), and what a citizen said would be lost.
/// </summary>
public static class Shortened
{
    /// <summary>At most <paramref name="max"/> UTF-16 units of <paramref name="text"/>, one fewer when the cut would split a pair.</summary>
    public static string To(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        return text[..(max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
    }

    /// <summary>The same, with "…" when something was cut.</summary>
    public static string WithEllipsis(string text, int max) => text.Length <= max ? text : To(text, max) + "…";
}
