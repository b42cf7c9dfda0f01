using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Replies;

/// <summary>Conflicting replies resolve towards safety, and negations are never confirmations.</summary>
public sealed class ReplySafetyTests
{
    [Theory]
    [InlineData("help, we left", "help and left")]
    [InlineData("Left. Need help.", "left then help, separate sentences")]
    [InlineData("1 4", "two codes, one of them help")]
    [InlineData("4 left", "help code with left")]
    [InlineData("stop, we need help", "opt-out with help")]
    [InlineData("не выехали, помогите", "russian negated leave with help")]
    [InlineData("haven't left, not in danger, just stuck", "a negation never cancels help")]
    [InlineData("עזבנו, צריך עזרה", "hebrew left with help")]
    [InlineData("виїхали, SOS", "ukrainian left with SOS")]
    [InlineData("hlep, we left", "a misspelt help with left")]
    [InlineData("/help", "help typed as a command")]
    [InlineData("no longer in Ukraine, need help", "out of the country but asking for help")]
    [InlineData("за пределами Украины, помогите", "russian outside ukraine with help")]
    public void Anything_asking_for_help_is_needs_help(string text, string label)
    {
        Assert.Equal(ReplyMeaning.Of(JourneyStatus.NeedsHelp), ReplyParser.Parse(text));
        Assert.NotEmpty(label);
    }

    [Theory]
    [InlineData("not left yet")]
    [InlineData("I have not left")]
    [InlineData("haven't crossed")]
    [InlineData("we didn't cross the border")]
    [InlineData("left yet?")]
    [InlineData("never departed")]
    [InlineData("ещё не выехал")]
    [InlineData("еще не выехали")]
    [InlineData("мы не уехали")]
    [InlineData("ще не виїхав")]
    [InlineData("ми не виїхали")]
    [InlineData("עוד לא יצאתי")]
    [InlineData("טרם עזבנו")]
    [InlineData("ne vyehali")]
    [InlineData("we couldn't leave")]
    [InlineData("we were not able to cross")]
    [InlineData("Мы пока не выехали")]
    [InlineData("Поки що не виїхали")]
    [InlineData("לא הצלחנו לצאת")]
    [InlineData("my sister is in Poland")]
    [InlineData("хотим выехать")]
    [InlineData("хочемо виїхати")]
    [InlineData("not out of Ukraine yet")]
    [InlineData("not yet outside Ukraine")]
    [InlineData("still in Ukraine")]
    [InlineData("we are still in Ukraine, not out")]
    [InlineData("we have nto left")]
    [InlineData("havnt lfet")]
    [InlineData("ещё не за пределами Украины")]
    [InlineData("мы всё ещё в Украине")]
    [InlineData("ещё не выехли")]
    [InlineData("ще не за межами України")]
    [InlineData("досі в Україні")]
    [InlineData("ще не виїхли")]
    [InlineData("עוד לא מחוץ לאוקראינה")]
    [InlineData("עדיין באוקראינה")]
    [InlineData("let us know")]
    [InlineData("we are in a lift")]
    public void A_negated_departure_is_not_departed(string text) =>
        Assert.NotEqual(ReplyMeaning.Of(JourneyStatus.Departed), ReplyParser.Parse(text));

    [Theory]
    [InlineData("not leaving", "Staying")]
    [InlineData("Not yet. Leaving tomorrow", "OnTheWay")]
    [InlineData("ещё не выехали, но уже в пути", "OnTheWay")]
    [InlineData("не еду", "Staying")]
    [InlineData("не їдемо", "Staying")]
    [InlineData("לא עוזבים", "Staying")]
    [InlineData("not staying", "Unknown")]
    [InlineData("no, we left", "Departed")]
    [InlineData("no problem we left", "Departed")]
    [InlineData("нет проблем мы выехали", "Departed")]
    [InlineData("אין בעיה יצאנו", "Departed")]
    public void A_negation_that_clearly_means_something_else_is_read_as_that(string text, string expected) =>
        Assert.Equal(expected, ReplyParser.Parse(text).ToString());

    [Theory]
    [InlineData("1 2", "Unknown")]
    [InlineData("1, 2", "Unknown")]
    [InlineData("left, but staying", "Unknown")]
    [InlineData("crossed the border, now driving to Warsaw", "Departed")]
    [InlineData("1 on my way to Berlin", "Departed")]
    [InlineData("3 but leaving now", "Unknown")]
    [InlineData("yes, we left", "Departed")]
    [InlineData("stop, we already left", "Stop")]
    [InlineData("route please, on my way", "OnTheWay")]
    [InlineData("we are 3 people, leaving now", "OnTheWay")]
    public void Several_meanings_in_one_reply_resolve_predictably(string text, string expected) =>
        Assert.Equal(expected, ReplyParser.Parse(text).ToString());

    [Theory]
    [InlineData("we had to stop at the checkpoint")]
    [InlineData("what happens at the end?")]
    [InlineData("please don't stop sending updates")]
    [InlineData("can we join the convoy")]
    public void Opt_out_and_enrolment_words_inside_a_sentence_do_not_act(string text)
    {
        var kind = ReplyParser.Parse(text).Kind;
        Assert.NotEqual(ReplyKind.Stop, kind);
        Assert.NotEqual(ReplyKind.Join, kind);
    }

    [Theory]
    [InlineData("don't need help, thanks", "Unknown")]
    [InlineData("thank you for your help, we crossed", "Departed")]
    [InlineData("спасибо за помощь, мы выехали", "Departed")]
    [InlineData("дякую за допомогу, ми виїхали", "Departed")]
    [InlineData("תודה על העזרה, יצאנו", "Departed")]
    public void Thanking_for_help_or_declining_it_is_not_a_call_for_help(string text, string expected) =>
        Assert.Equal(expected, ReplyParser.Parse(text).ToString());
}
