namespace Evacuation.Channels.Telegram;

/// <summary>
/// Splits a text into parts Telegram accepts: sendMessage takes at most 4096 characters
/// (https://core.telegram.org/bots/api#sendmessage).
/// </summary>
public static class TelegramText
{
    public const int MaxLength = 4096;

    /// <summary>
    /// Cuts at the last paragraph break that keeps a part at least half full, else a line break, else a space,
    /// else mid-word (never between the two halves of a surrogate pair). Whitespace at a cut is dropped.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);

        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxLength)
        {
            var cut = CutAt(rest[..(maxLength + 1)], maxLength);
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0)
            {
                parts.Add(part.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    // window holds maxLength + 1 characters so a separator right after the limit still counts.
    private static int CutAt(ReadOnlySpan<char> window, int maxLength)
    {
        var halfway = maxLength / 2;
        foreach (var separator in (string[])["\n\n", "\n", " "])
        {
            var at = window.LastIndexOf(separator.AsSpan());
            if (at >= halfway)
            {
                return at;
            }
        }

        foreach (var separator in (string[])["\n", " "])
        {
            var at = window.LastIndexOf(separator.AsSpan());
            if (at > 0)
            {
                return at;
            }
        }

        return char.IsHighSurrogate(window[maxLength - 1]) ? maxLength - 1 : maxLength;
    }
}
