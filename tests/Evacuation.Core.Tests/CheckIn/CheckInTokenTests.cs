using Evacuation.Core.CheckIn;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Tests.CheckIn;

public sealed class CheckInTokenTests
{
    [Fact]
    public void A_token_is_128_random_bits_in_32_lowercase_hex_digits_and_never_repeats()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => CheckInToken.New()).ToList();

        Assert.All(tokens, t => Assert.True(CheckInToken.IsWellFormed(t), t));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        // Every hex digit turns up in every position: no fixed or biased part.
        Assert.All(Enumerable.Range(0, 32), i => Assert.Equal(16, tokens.Select(t => t[i]).Distinct().Count()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData("../../../../../etc/passwd00000000")]
    public void Anything_but_32_lowercase_hex_digits_is_not_a_token(string? text) =>
        Assert.False(CheckInToken.IsWellFormed(text));

    [Fact]
    public void Every_new_citizen_has_a_token_of_their_own() =>
        Assert.NotEqual(new Citizen().CheckInToken, new Citizen().CheckInToken);

    [Theory]
    [InlineData("https://evac.example.org", "https://evac.example.org/c/0123456789abcdef0123456789abcdef")]
    [InlineData("https://evac.example.org/", "https://evac.example.org/c/0123456789abcdef0123456789abcdef")]
    [InlineData("https://example.org/evacuation/", "https://example.org/evacuation/c/0123456789abcdef0123456789abcdef")]
    [InlineData("", "")]
    public void A_link_is_the_public_base_url_then_c_then_the_token(string baseUrl, string expected) =>
        Assert.Equal(expected, CheckInLinks.For(baseUrl, "0123456789abcdef0123456789abcdef"));

    [Fact]
    public void A_revoked_token_makes_no_link() => Assert.Equal("", CheckInLinks.For("https://evac.example.org", null));

    [Theory]
    [InlineData("1", CheckInPress.Departed, JourneyStatus.Departed)]
    [InlineData("2", CheckInPress.OnTheWay, JourneyStatus.OnTheWay)]
    [InlineData("3", CheckInPress.Staying, JourneyStatus.Staying)]
    [InlineData("4", CheckInPress.NeedsHelp, JourneyStatus.NeedsHelp)]
    public void Each_button_is_the_reply_code_of_its_status(string value, CheckInPress press, JourneyStatus status)
    {
        Assert.Equal(press, CheckInPresses.Read(value));
        Assert.Equal(status, press.Status());
        Assert.Equal(value, press.Code().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("11")]
    [InlineData("Departed")]
    public void Any_other_press_is_none(string? value) => Assert.Null(CheckInPresses.Read(value));
}
