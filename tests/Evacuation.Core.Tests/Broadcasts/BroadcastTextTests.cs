using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Tests.Broadcasts;

public class BroadcastTextTests
{
    static readonly MessageValues Olena = new(Language.English, "Olena", "Shehyni-Medyka", "Road M11 from Lviv.");

    [Theory]
    [InlineData("Hello {name}, see {crossing}", Label = "placeholders are not filled")]
    [InlineData("a } b {", Label = "stray braces stay")]
    [InlineData("  “Leave”  now  ", Label = "spacing and curly quotes stay")]
    public void A_custom_text_is_sent_exactly_as_written(string text)
    {
        Assert.True(text == BroadcastText.Compose(BroadcastKind.Custom, text, Olena));
    }

    [Fact]
    public void A_custom_broadcast_without_text_is_refused()
    {
        Assert.Throws<ArgumentException>(() => BroadcastText.Compose(BroadcastKind.Custom, null, Olena));
    }

    [Theory]
    [InlineData(BroadcastKind.Advisory, BuiltInTemplate.Advisory, null)]
    [InlineData(BroadcastKind.RouteInstructions, BuiltInTemplate.RouteInstructions, " ")]
    public void Without_operator_text_the_built_in_template_is_used(BroadcastKind kind, BuiltInTemplate template, string? operatorText)
    {
        Assert.Equal(BuiltInTemplates.Render(template, Olena), BroadcastText.Compose(kind, operatorText, Olena));
    }

    [Fact]
    public void An_operator_template_without_reply_codes_gets_them_on_a_new_line()
    {
        var text = BroadcastText.Compose(BroadcastKind.Advisory, "{name}, go to {crossing} now.\n", Olena);

        Assert.Equal("Evacuation notice: Olena, go to Shehyni-Medyka now.\n" + ReplyCodeLine.For(Language.English), text);
    }

    [Fact]
    public void An_operator_template_with_reply_codes_gets_them_once_where_written()
    {
        var text = BroadcastText.Compose(BroadcastKind.RouteInstructions, "{replyCodes} Go to {crossing}.", Olena);

        Assert.Equal("Evacuation notice: " + ReplyCodeLine.For(Language.English) + " Go to Shehyni-Medyka.", text);
    }

    [Fact]
    public void An_operator_template_is_opened_by_the_sender_unless_it_places_the_sender_itself()
    {
        var signed = Olena with { Signature = new Signature("Embassy of Israel", new Dictionary<string, string> { [Language.Hebrew] = "שגרירות ישראל" }, "") };

        Assert.StartsWith("Embassy of Israel: Go now.", BroadcastText.Compose(BroadcastKind.Advisory, "Go now.", signed), StringComparison.Ordinal);
        Assert.StartsWith("\u200Fשגרירות ישראל: צאו", BroadcastText.Compose(BroadcastKind.Advisory, "צאו", signed with { Language = Language.Hebrew }), StringComparison.Ordinal);
        Assert.StartsWith("Go now, says Embassy of Israel.", BroadcastText.Compose(BroadcastKind.Advisory, "Go now, says {sender}.", signed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BroadcastKind.Custom, "{nmae}", 0)]
    [InlineData(BroadcastKind.Advisory, "{nmae}", 1)]
    [InlineData(BroadcastKind.RouteInstructions, "", 1)]
    [InlineData(BroadcastKind.Custom, "", 1)]
    public void Operator_text_is_checked_as_its_kind_requires(BroadcastKind kind, string text, int errors)
    {
        Assert.Equal(errors, BroadcastText.Check(kind, text).Count);
    }
}
