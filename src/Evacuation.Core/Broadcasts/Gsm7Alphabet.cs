namespace Evacuation.Core.Broadcasts;

/// <summary>
/// The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038, section 6.2.1), without national
/// language shift tables, which Twilio does not use.
/// https://www.twilio.com/docs/glossary/what-is-gsm-7-character-encoding
/// </summary>
public static class Gsm7Alphabet
{
    // The 127 printable positions of the default alphabet, in table order (0x1B, the escape to the extension
    // table, is not a character). Non-ASCII characters are escaped so look-alikes (Greek Omega U+03A9 versus
    // the Ohm sign U+2126) cannot slip in. 0x09 is the capital C with cedilla, as the standard prints it.
    const string Basic =
        "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5" +
        "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9" +
        " !\"#\u00A4%&'()*+,-./0123456789:;<=>?" +
        "\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7" +
        "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";

    // Reached through the escape character, so each costs two septets. Form feed is the page break.
    const string Extension = "\f^{}\\[~]|\u20AC";

    static readonly HashSet<char> BasicSet = [.. Basic];
    static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static bool IsBasic(char c) => BasicSet.Contains(c);

    public static bool IsExtension(char c) => ExtensionSet.Contains(c);

    public static bool Contains(char c) => IsBasic(c) || IsExtension(c);

    /// <summary>Septets <paramref name="c"/> takes in a GSM-7 message: 1, 2 for an extension character, 0 if it has none.</summary>
    public static int Septets(char c) => IsBasic(c) ? 1 : IsExtension(c) ? 2 : 0;
}
