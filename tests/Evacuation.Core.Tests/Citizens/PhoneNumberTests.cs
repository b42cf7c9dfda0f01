using Evacuation.Core.Citizens;

namespace Evacuation.Core.Tests.Citizens;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("ukrainian mobile without country code", "050 123 4567", "UA", "+380501234567")]
    [InlineData("ukrainian mobile with trunk zero and dashes", "050-123-45-67", "UA", "+380501234567")]
    [InlineData("plus prefix", "+380 50 123 4567", "UA", "+380501234567")]
    [InlineData("double zero prefix", "00380501234567", "UA", "+380501234567")]
    [InlineData("double zero prefix is international whatever the default region", "00380501234567", "US", "+380501234567")]
    [InlineData("israeli mobile with plus", "+972 54-765-4321", "UA", "+972547654321")]
    [InlineData("polish mobile in parentheses style", "+48 (512) 345-678", "UA", "+48512345678")]
    [InlineData("default region other than Ukraine", "512 345 678", "PL", "+48512345678")]
    public void Common_writings_are_stored_as_E164(string label, string input, string region, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, region, out var e164, out var error), $"{label}: {error}");
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("letters", "call me")]
    [InlineData("too short", "123")]
    [InlineData("empty", "  ")]
    [InlineData("longer than 32 characters", "+380 50 123 4567 0000 0000 0000 0000")]
    [InlineData("valid shape, invalid number", "+380 00 123 4567")]
    public void Bad_numbers_are_refused_with_a_reason(string label, string input)
    {
        Assert.False(PhoneNumber.TryNormalize(input, "UA", out _, out var error), label);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("123 4567", error, StringComparison.Ordinal); // the number itself is masked
    }

    [Theory]
    [InlineData("+380501234567", "+*********567")]
    [InlineData("12", "12")]
    [InlineData("", "")]
    public void Masking_keeps_only_the_last_three_digits(string phone, string masked) =>
        Assert.Equal(masked, PhoneNumber.Mask(phone));

    [Fact]
    public void Digits_tell_every_number_apart_even_the_longest()
    {
        Assert.Equal(380501234567L, PhoneNumber.Digits("+380501234567"));
        Assert.Equal(999999999999999L, PhoneNumber.Digits("+999999999999999"));
        Assert.NotEqual(PhoneNumber.Digits("+12025550123"), PhoneNumber.Digits("+120255501230"));
    }
}
