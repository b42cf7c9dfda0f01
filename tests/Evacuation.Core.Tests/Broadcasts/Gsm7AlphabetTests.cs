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
    [InlineData('Z', Label = "letter")]
    [InlineData('@', Label = "at sign")]
    [InlineData('_', Label = "underscore")]
    [InlineData('£', Label = "pound")]
    [InlineData('\u03A9', Label = "Greek capital omega")]
    [InlineData('Ç', Label = "capital C with cedilla")]
    [InlineData('\n', Label = "line feed")]
    public void Basic_characters_cost_one_septet(char c)
    {
        Assert.True(Gsm7Alphabet.Septets(c) == 1);
    }

    [Theory]
    [InlineData('`', Label = "backtick")]
    [InlineData('\u2126', Label = "Ohm sign, an Omega look-alike")]
    [InlineData('α', Label = "Greek small alpha")]
    [InlineData('’', Label = "right single quote")]
    [InlineData('\t', Label = "tab")]
    [InlineData('\u001B', Label = "escape itself")]
    public void Characters_outside_the_alphabet_have_no_septets(char c)
    {
        Assert.False(Gsm7Alphabet.Contains(c));
        Assert.Equal(0, Gsm7Alphabet.Septets(c));
    }
}
