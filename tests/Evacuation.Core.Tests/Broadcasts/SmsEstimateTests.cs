using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Tests.Broadcasts;

public class SmsEstimateTests
{
    [Fact]
    public void An_estimate_multiplies_segments_by_recipients()
    {
        var estimate = SmsEstimate.For(Language.Hebrew, new string('ש', 100), 25);

        Assert.Equal(new SmsEstimate(Language.Hebrew, SmsEncoding.Ucs2, 2, 25, 50, []), estimate with { Ucs2Characters = [] });
        Assert.Empty(estimate.Ucs2Characters);
    }

    [Fact]
    public void An_estimate_names_the_characters_that_made_an_English_text_UCS2()
    {
        var estimate = SmsEstimate.For(Language.English, "Leave now — it’s urgent", 10);

        Assert.Equal(SmsEncoding.Ucs2, estimate.Encoding);
        Assert.Equal(["—", "’"], estimate.Ucs2Characters);
    }

    [Fact]
    public void No_recipients_cost_nothing()
    {
        Assert.Equal(0, SmsEstimate.For(Language.English, "Leave now", 0).TotalSegments);
    }

    [Fact]
    public void A_negative_recipient_count_is_a_mistake()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmsEstimate.For(Language.English, "Leave now", -1));
    }

    [Fact]
    public void Ten_thousand_recipients_of_a_long_text_do_not_overflow()
    {
        var estimate = SmsEstimate.For(Language.Russian, new string('д', 1600), 10_000);

        Assert.Equal(24L * 10_000, estimate.TotalSegments);
    }

    public static TheoryData<string, BroadcastKind, string?, string, string, int> Broadcasts => new()
    {
        // label, kind, operator text, language, encoding, segments
        { "the English advisory is two GSM-7 segments", BroadcastKind.Advisory, null, Language.English, SmsEncoding.Gsm7, 2 },
        { "the English route instructions are two GSM-7 segments", BroadcastKind.RouteInstructions, null, Language.English, SmsEncoding.Gsm7, 2 },
        { "the Hebrew advisory is UCS-2", BroadcastKind.Advisory, null, Language.Hebrew, SmsEncoding.Ucs2, 3 },
        { "a custom text is counted as written", BroadcastKind.Custom, "Leave now.", Language.English, SmsEncoding.Gsm7, 1 },
        { "an operator template gets its reply codes counted", BroadcastKind.Advisory, "Leave now.", Language.English, SmsEncoding.Gsm7, 1 },
    };

    [Theory]
    [MemberData(nameof(Broadcasts))]
    public void A_broadcast_is_estimated_with_typical_values(string label, BroadcastKind kind, string? text, string language, string encoding, int segments)
    {
        var estimate = SmsEstimate.For(kind, text, language, 100);

        Assert.True(encoding == estimate.Encoding, $"{label}: {estimate.Encoding}");
        Assert.True(segments == estimate.Segments, $"{label}: {estimate.Segments} segments");
        Assert.Equal(segments * 100L, estimate.TotalSegments);
        Assert.Equal(language, estimate.Language);
    }
}
