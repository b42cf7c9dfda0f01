using Evacuation.Core.Broadcasts;

namespace Evacuation.Core.Tests.Broadcasts;

public class MessageTemplateCheckTests
{
    public static Labelled<string?, string[]> Cases => new()
    {
        // label, text, one expected fragment per error, in order
        { "a template with every placeholder is fine", "{name}: go to {crossing}. {crossingDirections} {replyCodes}", [] },
        { "placeholder names in another case are fine", "{CROSSING} {ReplyCodes}", [] },
        { "plain text is fine", "Leave now.", [] },
        { "exactly 1600 characters is fine", new string('a', 1600), [] },
        { "no text is empty", null, ["the text is empty"] },
        { "an empty text is empty", "", ["the text is empty"] },
        { "a text of spaces is empty", "  \n ", ["the text is empty"] },
        { "1601 characters are too long, by one", new string('a', 1601), ["1601 characters long; an SMS can carry at most 1600: shorten it by 1"] },
        { "a misspelt placeholder is named, with its likely meaning", "Hi {nmae}", ["unknown placeholder {nmae} at character 4: did you mean {name}?"] },
        { "a misspelt crossing is named", "Go to {crosing}", ["did you mean {crossing}?"] },
        { "an unknown placeholder lists the known ones", "{weather}", ["unknown placeholder {weather} at character 1: use {name}, {crossing}, {crossingDirections}, {replyCodes}, {sender}, {hotline}, {asOf} or {checkInLink}"] },
        { "empty braces are an unknown placeholder", "a {} b", ["unknown placeholder {}"] },
        { "each unknown placeholder is named", "{a} and {b}", ["{a}", "{b}"] },
        { "an unclosed brace is found", "go to {crossing", ["'{' at character 7 has no matching '}'"] },
        { "a closing brace without an opening one is found", "go to crossing}", ["'}' at character 15 has no matching '{'"] },
        { "doubled braces are unbalanced twice", "{{name}}", ["'{' at character 1 has no matching '}'", "'}' at character 8 has no matching '{'"] },
        { "a long text with a typo gets both errors", new string('a', 1601) + "{nam}", ["characters long", "did you mean {name}?"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_says_what_to_fix_in_a_template(string? text, string[] expected)
    {
        var errors = MessageTemplate.Check(text);

        Assert.True(expected.Length == errors.Count, $"{string.Join(" | ", errors)}");
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(errors[i].Contains(expected[i], StringComparison.Ordinal), $"'{errors[i]}' lacks '{expected[i]}'");
        }
    }

    [Theory]
    [InlineData("Use {this} and } that {", Label = "braces are ordinary characters")]
    [InlineData("{name}", Label = "placeholders are ordinary words")]
    public void A_custom_text_is_only_checked_for_emptiness_and_length(string text)
    {
        Assert.True(MessageTemplate.CheckCustom(text).Count == 0);
    }

    [Fact]
    public void An_empty_or_overlong_custom_text_is_refused()
    {
        Assert.Single(MessageTemplate.CheckCustom(""));
        Assert.Single(MessageTemplate.CheckCustom(new string('a', MessageTemplate.MaxLength + 1)));
    }

    [Theory]
    [InlineData("nmae", "name")]
    [InlineData("Name ", "name")]
    [InlineData("crosing", "crossing")]
    [InlineData("crossingDirection", "crossingDirections")]
    [InlineData("replycode", "replyCodes")]
    [InlineData("weather", null)]
    public void A_typo_is_matched_to_the_placeholder_it_was_meant_to_be(string typed, string? meant)
    {
        Assert.Equal(meant, Placeholders.Closest(typed));
    }
}
