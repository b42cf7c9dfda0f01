using Evacuation.Channels.Twilio;
using Evacuation.Fakes;

namespace Evacuation.Channels.Tests.Twilio;

public sealed class TwilioSignatureTests
{
    // Test vectors of Twilio's helper libraries:
    //   twilio-python tests/unit/test_request_validator.py (token "12345", the URL, params, every signature below)
    //   twilio-csharp test/Twilio.Test/Security/RequestValidatorTest.cs (same URL, params and "RSOYDt4T..." signature)
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] Params =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("From", "+14158675309"), // deliberately out of order, as in twilio-csharp
        new("Digits", "1234"),
        new("To", "+18005551212"),
        new("Caller", "+14158675309"),
    ];

    private static readonly KeyValuePair<string, string>[] RepeatedDigits =
    [
        new("Sid", "CA123"),
        new("SidAccount", "AC123"),
        new("Digits", "5678"),
        new("Digits", "1234"),
    ];

    [Theory]
    [InlineData(Url, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", Label = "the plain vector")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=", Label = "the same URL with :443 written in")]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=", Label = "the http URL with :80 written in")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", Label = "the http URL with port 1234")]
    public void Compute_matches_the_official_vectors(string url, string expected)
    {
        Assert.Equal(expected, TwilioSignature.Compute(Token, url, Params));
    }

    [Fact]
    public void Repeated_keys_are_signed_with_their_values_sorted_as_the_helper_libraries_do() =>
        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.Compute(Token, Url, RepeatedDigits));

    [Theory]
    [InlineData(Url, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", true, Label = "the signature of the exact URL")]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", true, Label = "a non-default port removed (https)")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", true, Label = "a non-default port kept (http)")]
    [InlineData(Url, "kvajT1Ptam85bY51eRf/AJRuM3w=", true, Label = "the default port added (https)")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=", true, Label = "the default port added (http)")]
    [InlineData(Url, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=", false, Label = "a wrong signature")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false, Label = "another URL")]
    [InlineData(Url, null, false, Label = "a missing header")]
    [InlineData(Url, "", false, Label = "an empty header")]
    public void IsValid_accepts_what_Twilio_accepts(string url, string? header, bool valid)
    {
        Assert.Equal(valid, TwilioSignature.IsValid(Token, url, Params, header));
    }

    [Fact]
    public void A_changed_parameter_fails() =>
        Assert.False(TwilioSignature.IsValid(Token, Url, [.. Params.SkipLast(1), new("Caller", "+14158675300")], "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void Another_auth_token_fails() =>
        Assert.False(TwilioSignature.IsValid("54321", Url, Params, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void Names_differing_only_in_case_are_signed_separately()
    {
        KeyValuePair<string, string>[] pairs = [new("body", "a"), new("Body", "b")];

        Assert.NotEqual(TwilioSignature.Compute(Token, Url, pairs), TwilioSignature.Compute(Token, Url, [new("Body", "b")]));
        Assert.Equal(FakeTwilioServer.Sign(Token, Url, pairs), TwilioSignature.Compute(Token, Url, pairs));
    }

    [Fact]
    public void The_fake_server_signs_as_the_production_code_checks() =>
        Assert.True(TwilioSignature.IsValid(Token, Url, RepeatedDigits, FakeTwilioServer.Sign(Token, Url, RepeatedDigits)));
}
