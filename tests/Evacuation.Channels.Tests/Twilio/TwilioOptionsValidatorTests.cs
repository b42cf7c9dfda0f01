using Evacuation.Channels.Twilio;

namespace Evacuation.Channels.Tests.Twilio;

public sealed class TwilioOptionsValidatorTests
{
    private const string Sid = "AC0123456789abcdef0123456789abcdef";
    private const string Token = "0123456789abcdef0123456789abcdef";

    public static Labelled<TwilioOptions, string?> Cases => new()
    {
        { "empty options are a valid sandbox", new TwilioOptions(), null },
        { "credentials with a From number are valid", new TwilioOptions { AccountSid = Sid, AuthToken = Token, FromNumber = "+15005550006" }, null },
        { "credentials with an alphanumeric sender are valid", new TwilioOptions { AccountSid = Sid, AuthToken = Token, FromNumber = "EVACUATE" }, null },
        { "credentials with a messaging service are valid", new TwilioOptions { AccountSid = Sid, AuthToken = Token, MessagingServiceSid = "MG0123456789abcdef0123456789abcdef" }, null },
        { "credentials without a sender", new TwilioOptions { AccountSid = Sid, AuthToken = Token }, "Twilio:FromNumber or Twilio:MessagingServiceSid is required when Twilio credentials are set" },
        { "a sid without a token", new TwilioOptions { AccountSid = Sid, FromNumber = "+15005550006" }, "Twilio:AuthToken is required when Twilio:AccountSid is set (leave both empty for the SMS sandbox)" },
        { "a token without a sid", new TwilioOptions { AuthToken = Token, FromNumber = "+15005550006" }, "Twilio:AccountSid is required when Twilio:AuthToken is set (leave both empty for the SMS sandbox)" },
        { "a malformed account sid", new TwilioOptions { AccountSid = "AC123", AuthToken = Token, FromNumber = "+15005550006" }, "Twilio:AccountSid must be AC followed by 32 hex characters (got 'AC123')" },
        { "a From number without +", new TwilioOptions { AccountSid = Sid, AuthToken = Token, FromNumber = "15005550006" }, "Twilio:FromNumber must be an E.164 number such as +15005550006 or an alphanumeric sender id of up to 11 characters (got '15005550006')" },
        { "the example's auth token placeholder", new TwilioOptions { AccountSid = Sid, AuthToken = "<twilio-auth-token>", FromNumber = "+15005550006" }, "Twilio:AuthToken is the placeholder from appsettings.example.json; put the auth token from the Twilio console there, or leave it empty for the SMS sandbox" },
        { "a relative API URL", new TwilioOptions { ApiBaseUrl = "localhost:8080" }, "Twilio:ApiBaseUrl must be an absolute http(s) URL (got 'localhost:8080')" },
        { "a relative public URL", new TwilioOptions { PublicBaseUrl = "/evac" }, "Twilio:PublicBaseUrl must be an absolute http(s) URL (got '/evac')" },
        { "zero segments per second", new TwilioOptions { SegmentsPerSecond = 0 }, "Twilio:SegmentsPerSecond must be between 1 and 1000 (got 0)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Options_are_checked_with_one_line_naming_the_key(TwilioOptions options, string? failure)
    {
        var result = new TwilioOptionsValidator().Validate(null, options);

        if (failure is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Equal([failure], result.Failures);
        }
    }

    [Fact]
    public void The_auth_token_is_never_echoed()
    {
        var result = new TwilioOptionsValidator().Validate(null, new TwilioOptions { AuthToken = "very-secret-token" });

        Assert.False(result.Succeeded);
        Assert.DoesNotContain("very-secret-token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(Sid, null, true)]
    [InlineData(null, Token, true)]
    [InlineData(Sid, Token, false)]
    public void Without_both_credentials_SMS_is_a_sandbox(string? sid, string? token, bool sandbox) =>
        Assert.Equal(sandbox, new TwilioOptions { AccountSid = sid, AuthToken = token }.IsSandbox);
}
