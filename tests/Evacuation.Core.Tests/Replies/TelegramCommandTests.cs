using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Replies;

/// <summary>Telegram-style commands typed in a chat or an SMS.</summary>
public sealed class TelegramCommandTests
{
    [Theory]
    [InlineData("/stop", "stop")]
    [InlineData("  /STOP", "STOP")]
    [InlineData("/lang@EvacuationBot he", "lang he")]
    [InlineData("/help@Evac_Help_Bot", "help")] // the bot's name is not read: its "help" would count twice
    [InlineData("/route please", "route please")]
    [InlineData("/стоп", "стоп")]
    [InlineData("/עֶזְרָה", "עֶזְרָה")]
    [InlineData("/stpo", "stpo")]
    public void A_command_of_ours_is_read_as_its_words(string text, string readable) =>
        Assert.Equal(readable, TelegramCommand.Readable(PhraseBook.Default, text));

    [Theory]
    [InlineData("/settings")]
    [InlineData("/cancel")]
    [InlineData("/stop_it")]
    [InlineData("/menu stop")]
    public void Someone_elses_command_is_not_read(string text) =>
        Assert.Null(TelegramCommand.Readable(PhraseBook.Default, text));

    [Theory]
    [InlineData("stop")]
    [InlineData("I left / я выехал")]
    [InlineData("/ 1")]
    public void A_text_that_opens_with_no_command_is_read_as_it_is(string text) =>
        Assert.Same(text, TelegramCommand.Readable(PhraseBook.Default, text));

    [Fact]
    public void Every_command_of_ours_means_something()
    {
        var commands = PhraseBook.Default.Commands;

        Assert.All(commands, command => Assert.NotEqual(ReplyMeaning.Unknown, ReplyParser.Parse("/" + command)));
    }

    /// <summary>
    /// "/help" is a call for help on every channel, as "help" is: the bot lists no command menu, so whoever sends it
    /// typed the word, and a false alarm costs an officer a call where a missed one could cost a life.
    /// </summary>
    [Theory]
    [InlineData("/help")]
    [InlineData("/HELP")]
    [InlineData("/help@EvacuationBot")]
    [InlineData("/sos")]
    [InlineData("/помощь")]
    [InlineData("/допомога")]
    [InlineData("/עזרה")]
    [InlineData("/help we left")]
    [InlineData("/stop help")]
    public void A_command_for_help_is_a_call_for_help(string text) =>
        Assert.Equal(ReplyMeaning.Of(Evacuation.Core.Citizens.JourneyStatus.NeedsHelp), ReplyParser.Parse(text));
}
