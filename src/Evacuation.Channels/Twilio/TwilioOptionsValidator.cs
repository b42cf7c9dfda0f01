using System.Text.RegularExpressions;
using Evacuation.Core.Operators;
using Microsoft.Extensions.Options;

namespace Evacuation.Channels.Twilio;

/// <summary>
/// Checks the <c>Twilio</c> section at start-up. Each failure is one line naming the key; the auth token is never echoed.
/// </summary>
public sealed partial class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        var hasSid = !string.IsNullOrWhiteSpace(options.AccountSid);
        var hasToken = !string.IsNullOrWhiteSpace(options.AuthToken);

        if (hasSid && !hasToken)
        {
            failures.Add("Twilio:AuthToken is required when Twilio:AccountSid is set (leave both empty for the SMS sandbox)");
        }

        if (hasToken && !hasSid)
        {
            failures.Add("Twilio:AccountSid is required when Twilio:AuthToken is set (leave both empty for the SMS sandbox)");
        }

        if (KeySecrets.IsPlaceholder(options.AuthToken))
        {
            failures.Add("Twilio:AuthToken is the placeholder from appsettings.example.json; put the auth token from the Twilio console there, or leave it empty for the SMS sandbox");
        }

        if (hasSid && !AccountSidShape().IsMatch(options.AccountSid!))
        {
            failures.Add($"Twilio:AccountSid must be AC followed by 32 hex characters (got '{options.AccountSid}')");
        }

        if (!string.IsNullOrWhiteSpace(options.MessagingServiceSid) && !MessagingServiceSidShape().IsMatch(options.MessagingServiceSid))
        {
            failures.Add($"Twilio:MessagingServiceSid must be MG followed by 32 hex characters (got '{options.MessagingServiceSid}')");
        }

        if (!string.IsNullOrWhiteSpace(options.FromNumber) && !SenderShape().IsMatch(options.FromNumber))
        {
            failures.Add($"Twilio:FromNumber must be an E.164 number such as +15005550006 or an alphanumeric sender id of up to 11 characters (got '{options.FromNumber}')");
        }

        if (!options.IsSandbox && string.IsNullOrWhiteSpace(options.FromNumber) && string.IsNullOrWhiteSpace(options.MessagingServiceSid))
        {
            failures.Add("Twilio:FromNumber or Twilio:MessagingServiceSid is required when Twilio credentials are set");
        }

        if (!IsAbsoluteHttp(options.ApiBaseUrl))
        {
            failures.Add($"Twilio:ApiBaseUrl must be an absolute http(s) URL (got '{options.ApiBaseUrl}')");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && !IsAbsoluteHttp(options.PublicBaseUrl))
        {
            failures.Add($"Twilio:PublicBaseUrl must be an absolute http(s) URL (got '{options.PublicBaseUrl}')");
        }

        if (options.SegmentsPerSecond is < 1 or > 1000)
        {
            failures.Add($"Twilio:SegmentsPerSecond must be between 1 and 1000 (got {options.SegmentsPerSecond})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttp(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidShape();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServiceSidShape();

    // E.164, or an alphanumeric sender id: up to 11 of letters, digits and spaces with at least one letter
    // (https://help.twilio.com/articles/223181348-Alphanumeric-Sender-ID-for-Twilio-Programmable-SMS).
    [GeneratedRegex(@"^(\+[1-9][0-9]{6,14}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$")]
    private static partial Regex SenderShape();
}
