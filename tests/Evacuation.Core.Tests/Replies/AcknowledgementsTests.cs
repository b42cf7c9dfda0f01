using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Replies;

public sealed class AcknowledgementsTests
{
    private static readonly ReplyMeaning[] EveryMeaning =
    [
        ReplyMeaning.Of(JourneyStatus.Departed),
        ReplyMeaning.Of(JourneyStatus.OnTheWay),
        ReplyMeaning.Of(JourneyStatus.Staying),
        ReplyMeaning.Of(JourneyStatus.NeedsHelp),
        new(ReplyKind.Route),
        new(ReplyKind.Stop),
        new(ReplyKind.Start),
        new(ReplyKind.Language),
        new(ReplyKind.Join),
        ReplyMeaning.Unknown,
    ];

    public static TheoryData<string> Languages => new(Language.All);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_meaning_has_its_own_acknowledgement_in_every_language(string language)
    {
        var texts = EveryMeaning.Select(meaning => Acknowledgements.For(meaning, language)).ToList();

        Assert.All(texts, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Theory]
    [InlineData("en", 'a', 'z')]
    [InlineData("he", 'א', 'ת')]
    [InlineData("ru", 'а', 'я')]
    [InlineData("uk", 'а', 'я')]
    public void Acknowledgements_are_written_in_the_citizens_language(string language, char first, char last)
    {
        foreach (var meaning in EveryMeaning)
        {
            var text = Acknowledgements.For(meaning, language);
            Assert.Contains(text, letter => letter >= first && letter <= last);
        }
    }

    [Fact]
    public void Russian_and_ukrainian_are_not_the_same_text()
    {
        foreach (var meaning in EveryMeaning)
        {
            Assert.NotEqual(Acknowledgements.For(meaning, "ru"), Acknowledgements.For(meaning, "uk"));
        }
    }

    [Theory]
    [InlineData("en", "Thank you, we have recorded that you are out of Ukraine. Stay safe.")]
    [InlineData("EN", "Thank you, we have recorded that you are out of Ukraine. Stay safe.")]
    [InlineData("fr", "Thank you, we have recorded that you are out of Ukraine. Stay safe.")]
    [InlineData("", "Thank you, we have recorded that you are out of Ukraine. Stay safe.")]
    [InlineData("uk", "Дякуємо, ми зафіксували, що ви вже за кордоном. Бережіть себе.")]
    public void Departed_is_thanked_and_unknown_languages_fall_back_to_english(string language, string expected) =>
        Assert.Equal(expected, Acknowledgements.For(ReplyMeaning.Of(JourneyStatus.Departed), language));

    [Fact]
    public void A_language_change_is_confirmed_in_the_new_language()
    {
        var text = Acknowledgements.For(new ReplyMeaning(ReplyKind.Language, Language: "uk"), "en");

        Assert.Equal("Відтепер ми писатимемо вам українською.", text);
    }

    [Fact]
    public void A_language_request_without_a_language_asks_which_one_in_the_current_language()
    {
        var text = Acknowledgements.For(new ReplyMeaning(ReplyKind.Language), "ru");

        Assert.StartsWith("Выберите язык", text, StringComparison.Ordinal);
        Assert.All(Language.All, code => Assert.Contains("LANG " + code, text, StringComparison.Ordinal));
    }

    [Fact]
    public void In_Hebrew_each_language_choice_stands_on_its_own_line_Hebrew_first_so_the_order_survives_right_to_left()
    {
        var lines = Acknowledgements.For(new ReplyMeaning(ReplyKind.Language), "he").Split('\n');

        Assert.Equal(5, lines.Length);
        Assert.All(lines.Skip(1), line =>
        {
            Assert.InRange(line[0], 'א', 'ת');
            Assert.Matches("^[א-ת]+ – LANG (en|he|ru|uk)$", line);
        });
    }

    [Fact]
    public void An_answer_to_a_call_for_help_gives_the_hotline_when_there_is_one()
    {
        var signature = new Evacuation.Core.Broadcasts.Signature("", new Dictionary<string, string>(), "+380 44 000 0000");

        Assert.EndsWith("call 112. Hotline +380 44 000 0000.", Acknowledgements.For(ReplyMeaning.Of(JourneyStatus.NeedsHelp), "en", signature), StringComparison.Ordinal);
        Assert.EndsWith("call 112.", Acknowledgements.For(ReplyMeaning.Of(JourneyStatus.NeedsHelp), "en"), StringComparison.Ordinal);
        Assert.DoesNotContain("Hotline", Acknowledgements.For(ReplyMeaning.Of(JourneyStatus.Departed), "en", signature), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_points_to_the_emergency_number_in_every_language()
    {
        Assert.All(Language.All, language =>
            Assert.Contains("112", Acknowledgements.For(ReplyMeaning.Of(JourneyStatus.NeedsHelp), language), StringComparison.Ordinal));
    }
}
