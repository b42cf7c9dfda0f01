using Evacuation.Core.Broadcasts;

namespace Evacuation.Core.Tests.Broadcasts;

public class Gsm7AlphabetTests
{
    [Fact]
    public void The_default_alphabet_has_127_characters_besides_the_escape()
    {
        Assert.Equal(127, Enumerable.Range(0, char.MaxValue + 1).Count(c => Gsm7Alphabet.IsBasic((char)c)));
    }

    [Theory]
    [InlineData('^')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('\\')]
    [InlineData('[')]
    [InlineData('~')]
    [InlineData(']')]
    [InlineData('|')]
    [InlineData('€')]
    [InlineData('\f')]
    public void Extension_characters_cost_two_septets(char c)
    {
        Assert.True(Gsm7Alphabet.IsExtension(c));
        Assert.False(Gsm7Alphabet.IsBasic(c));
        Assert.Equal(2, Gsm7Alphabet.Septets(c));
    }

    [Theory]
    [InlineData("letter", 'Z')]
    [InlineData("at sign", '@')]
    [InlineData("underscore", '_')]
    [InlineData("pound", '£')]
    [InlineData("Greek capital omega", '\u03A9')]
    [InlineData("capital C with cedilla", 'Ç')]
    [InlineData("line feed", '\n')]
    public void Basic_characters_cost_one_septet(string label, char c)
    {
        Assert.True(Gsm7Alphabet.Septets(c) == 1, label);
    }

    [Theory]
    [InlineData("backtick", '`')]
    [InlineData("Ohm sign, an Omega look-alike", '\u2126')]
    [InlineData("Greek small alpha", 'α')]
    [InlineData("right single quote", '’')]
    [InlineData("tab", '\t')]
    [InlineData("escape itself", '\u001B')]
    public void Characters_outside_the_alphabet_have_no_septets(string label, char c)
    {
        Assert.False(Gsm7Alphabet.Contains(c), label);
        Assert.Equal(0, Gsm7Alphabet.Septets(c));
    }
}
