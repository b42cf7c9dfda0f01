using Evacuation.Core.Citizens;

namespace Evacuation.Core.Tests.Citizens;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("050 123 4567", "UA", "+380501234567", Label = "ukrainian mobile without country code")]
    [InlineData("050-123-45-67", "UA", "+380501234567", Label = "ukrainian mobile with trunk zero and dashes")]
    [InlineData("+380 50 123 4567", "UA", "+380501234567", Label = "plus prefix")]
    [InlineData("00380501234567", "UA", "+380501234567", Label = "double zero prefix")]
    [InlineData("00380501234567", "US", "+380501234567", Label = "double zero prefix is international whatever the default region")]
    [InlineData("+972 54-765-4321", "UA", "+972547654321", Label = "israeli mobile with plus")]
    [InlineData("+48 (512) 345-678", "UA", "+48512345678", Label = "polish mobile in parentheses style")]
    [InlineData("512 345 678", "PL", "+48512345678", Label = "default region other than Ukraine")]
    public void Common_writings_are_stored_as_E164(string input, string region, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, region, out var e164, out var error), $"{error}");
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("call me", Label = "letters")]
    [InlineData("123", Label = "too short")]
    [InlineData("  ", Label = "empty")]
    [InlineData("+380 50 123 4567 0000 0000 0000 0000", Label = "longer than 32 characters")]
    [InlineData("+380 00 123 4567", Label = "valid shape, invalid number")]
    public void Bad_numbers_are_refused_with_a_reason(string input)
    {
        Assert.False(PhoneNumber.TryNormalize(input, "UA", out _, out var error));
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
