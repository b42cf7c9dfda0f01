using Evacuation.Core.Broadcasts;

namespace Evacuation.Core.Tests.Broadcasts;

public class SmsSegmentsTests
{
    const string Gsm7 = SmsEncoding.Gsm7;
    const string Ucs2 = SmsEncoding.Ucs2;
    const string Emoji = "\U0001F600"; // outside the BMP: a surrogate pair, two UTF-16 units

    static string A(int count) => new('a', count);

    static string Cyrillic(int count) => new('д', count);

    static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static Labelled<string, string, int, int> Boundaries => new()
    {
        // label, text, encoding, segments, units
        { "an empty text is nothing to send", "", Gsm7, 0, 0 },
        { "one letter", "a", Gsm7, 1, 1 },
        { "160 GSM-7 characters fit in one segment", A(160), Gsm7, 1, 160 },
        { "161 GSM-7 characters split in two", A(161), Gsm7, 2, 161 },
        { "306 = 2 x 153 fit in two segments", A(306), Gsm7, 2, 306 },
        { "307 need a third segment", A(307), Gsm7, 3, 307 },
        { "459 = 3 x 153 fit in three segments", A(459), Gsm7, 3, 459 },
        { "460 need a fourth segment", A(460), Gsm7, 4, 460 },
        { "1600 GSM-7 characters are 11 segments", A(1600), Gsm7, 11, 1600 },
        { "accented and Greek letters of the basic set cost one septet", "£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà@$_", Gsm7, 1, 42 },
        { "line breaks are GSM-7", "a\r\nb\n", Gsm7, 1, 5 },
        { "an extension character costs two septets", "€", Gsm7, 1, 2 },
        { "every extension character costs two septets", "^{}\\[~]|€\f", Gsm7, 1, 20 },
        { "80 euro signs are exactly 160 septets", Repeat("€", 80), Gsm7, 1, 160 },
        { "80 euro signs and a letter are 161 septets", Repeat("€", 80) + "a", Gsm7, 2, 161 },
        { "an escape pair that would straddle 153 moves to the next segment", A(152) + "€" + A(152), Gsm7, 3, 306 },
        { "an escape pair ending exactly at 153 stays", A(151) + "€" + A(153), Gsm7, 2, 306 },
        { "an escape pair at the very start of a second segment", A(153) + "[" + A(151), Gsm7, 2, 306 },
        { "70 Cyrillic letters fit in one segment", Cyrillic(70), Ucs2, 1, 70 },
        { "71 Cyrillic letters split in two", Cyrillic(71), Ucs2, 2, 71 },
        { "134 = 2 x 67 fit in two segments", Cyrillic(134), Ucs2, 2, 134 },
        { "135 need a third segment", Cyrillic(135), Ucs2, 3, 135 },
        { "201 = 3 x 67 fit in three segments", Cyrillic(201), Ucs2, 3, 201 },
        { "202 need a fourth segment", Cyrillic(202), Ucs2, 4, 202 },
        { "one Cyrillic letter makes a GSM-7 text UCS-2", A(69) + "д", Ucs2, 1, 70 },
        { "one Cyrillic letter in 71 characters means two UCS-2 segments", A(70) + "д", Ucs2, 2, 71 },
        { "Hebrew is UCS-2", "צאו מאוקראינה מיד", Ucs2, 1, 17 },
        { "Ukrainian is UCS-2", "Негайно залиште Україну", Ucs2, 1, 23 },
        { "curly quotes make the text UCS-2", "“Leave now”", Ucs2, 1, 11 },
        { "an em dash makes the text UCS-2", "Leave — now", Ucs2, 1, 11 },
        { "a tab is not GSM-7", "a\tb", Ucs2, 1, 3 },
        { "a backtick is not GSM-7", "`", Ucs2, 1, 1 },
        { "a small c with cedilla is not in the default alphabet", "ç", Ucs2, 1, 1 },
        { "an extension character costs one unit in UCS-2", "€д", Ucs2, 1, 2 },
        { "an emoji takes two units", Emoji, Ucs2, 1, 2 },
        { "35 emoji are exactly 70 units", Repeat(Emoji, 35), Ucs2, 1, 70 },
        { "36 emoji split: 33 fill the first segment's 66 units", Repeat(Emoji, 36), Ucs2, 2, 72 },
        { "a surrogate pair that would straddle 67 moves to the next segment", Cyrillic(66) + Emoji + Cyrillic(66), Ucs2, 3, 134 },
        { "a surrogate pair ending exactly at 67 stays", Cyrillic(65) + Emoji + Cyrillic(67), Ucs2, 2, 134 },
        { "a lone surrogate is one unit", "\uD83D", Ucs2, 1, 1 },
        { "an emoji inside the BMP takes one unit", "✓", Ucs2, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Counts_encoding_segments_and_units_at_every_boundary(string text, string encoding, int segments, int units)
    {
        var sms = SmsSegments.Of(text);

        Assert.True(encoding == sms.Encoding, $"encoding {sms.Encoding}");
        Assert.True(segments == sms.Count, $"{sms.Count} segments");
        Assert.True(units == sms.Units, $"{sms.Units} units");
    }

    public static Labelled<string, string[]> ForcingCharacters => new()
    {
        // label, text, characters that force UCS-2
        { "a GSM-7 text has none", "Leave now. {braces} cost two", [] },
        { "curly quotes are named once each, in order", "Say “yes” and “no”", ["“", "”"] },
        { "an emoji is named whole, not as two halves", $"Go {Emoji} now {Emoji} ✓", [Emoji, "✓"] },
        { "an em dash in an English sentence", "Leave now — today", ["—"] },
        { "one Cyrillic look-alike in an English word", "Lеave now", ["е"] },
        { "a text of symbols only names them", "✓✓", ["✓"] },
        { "a Hebrew text is simply written in Hebrew", "צאו מאוקראינה מיד, ROUTE", [] },
        { "a Cyrillic text is simply written in Cyrillic", "Негайно залиште Україну, STOP", [] },
        { "an emoji in a Russian text is not the reason for UCS-2", $"Покиньте Украину {Emoji}", [] },
    };

    [Theory]
    [MemberData(nameof(ForcingCharacters))]
    public void Names_the_characters_that_push_an_otherwise_GSM7_text_into_UCS2(string text, string[] expected)
    {
        Assert.True(expected.SequenceEqual(SmsSegments.Of(text).Ucs2Characters));
    }

    [Fact]
    public void Empty_text_is_GSM7_with_nothing_to_send()
    {
        var sms = SmsSegments.Of("");

        Assert.True(sms.IsGsm7);
        Assert.Equal(0, sms.Count);
        Assert.Empty(sms.Ucs2Characters);
    }
}
