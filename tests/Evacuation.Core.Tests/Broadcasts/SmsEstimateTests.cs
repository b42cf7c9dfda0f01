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

    [Fact]
    public void Messages_of_different_lengths_add_up_and_the_longest_gives_the_segments()
    {
        var estimate = SmsEstimate.Of(Language.English, [(new string('a', 150), 10), (new string('a', 200), 5), (new string('a', 150), 1)]);

        Assert.Equal(SmsEncoding.Gsm7, estimate.Encoding);
        Assert.Equal(2, estimate.Segments);
        Assert.Equal(16, estimate.Recipients);
        Assert.Equal(10 + 10 + 1, estimate.TotalSegments);
    }

    [Fact]
    public void One_UCS2_message_among_GSM7_ones_makes_the_language_UCS2_and_names_the_character()
    {
        var estimate = SmsEstimate.Of(Language.English, [("Go to Medyka.", 3), ("Go to Krościenko.", 2)]);

        Assert.Equal(SmsEncoding.Ucs2, estimate.Encoding);
        Assert.Equal(["ś"], estimate.Ucs2Characters);
        Assert.Equal(5, estimate.TotalSegments);
    }
}
