using Evacuation.Core.CheckIn;

namespace Evacuation.Core.Tests.CheckIn;

public sealed class FormTokenTests
{
    const string Token = "0123456789abcdef0123456789abcdef";
    const string Rotated = "fedcba9876543210fedcba9876543210";
    static readonly DateTime Rendered = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_form_is_accepted_on_its_own_page_and_names_its_press_by_a_nonce()
    {
        var form = FormToken.Issue(Token, Rendered);

        var check = FormToken.Check(Token, form, Rendered.AddMinutes(3));

        Assert.NotNull(check.Nonce);
        Assert.Equal(32, check.Nonce!.Length);
        Assert.NotEqual(check.Nonce, FormToken.Check(Token, FormToken.Issue(Token, Rendered), Rendered).Nonce);
    }

    public static TheoryData<string, Func<string, string>> Forgeries => new()
    {
        { "made up", _ => "0123456789abcdef0123456789abcdef.1795334400.00" },
        { "empty", _ => "" },
        { "another time, same signature", f => f.Split('.')[0] + "." + (long.Parse(f.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture) + 1) + "." + f.Split('.')[2] },
        { "another nonce, same signature", f => "ffffffffffffffffffffffffffffffff." + f.Split('.')[1] + "." + f.Split('.')[2] },
        { "one letter of the signature changed", f => f[..^1] + (f[^1] == '0' ? '1' : '0') },
        { "signed with another page's token", _ => FormToken.Issue(Rotated, Rendered) },
        { "too many parts", f => f + ".x" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_form_that_did_not_come_from_this_page_is_refused(string label, Func<string, string> forge)
    {
        var check = FormToken.Check(Token, forge(FormToken.Issue(Token, Rendered)), Rendered.AddMinutes(1));

        Assert.True(check.Nonce is null && !check.IsExpired, label);
    }

    [Fact]
    public void After_rotation_no_earlier_form_is_accepted() =>
        Assert.Null(FormToken.Check(Rotated, FormToken.Issue(Token, Rendered), Rendered.AddMinutes(1)).Nonce);

    [Fact]
    public void A_form_works_for_a_day_then_expires()
    {
        var form = FormToken.Issue(Token, Rendered);

        Assert.NotNull(FormToken.Check(Token, form, Rendered + FormToken.Lifetime).Nonce);
        var late = FormToken.Check(Token, form, Rendered + FormToken.Lifetime + TimeSpan.FromSeconds(1));
        Assert.True(late.IsExpired);
        Assert.Null(late.Nonce);
    }

    [Fact]
    public void A_form_dated_far_in_the_future_is_refused() =>
        Assert.Null(FormToken.Check(Token, FormToken.Issue(Token, Rendered.AddHours(1)), Rendered).Nonce);
}
