using System.Security.Cryptography;
using System.Text;

namespace Evacuation.Channels.Twilio;

/// <summary>
/// The <c>X-Twilio-Signature</c> check: Base64(HMAC-SHA1(AuthToken, url + each POST parameter sorted by name, as name+value)).
/// See https://www.twilio.com/docs/usage/security#validating-requests
/// </summary>
/// <remarks>
/// Repeated names follow Twilio's helper libraries: names sorted, and a repeated name's values sorted too, each
/// written as name+value. The pairs must be the raw form pairs: ASP.NET Core's form collection is case-insensitive
/// and would merge names that Twilio signed separately.
/// </remarks>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> formPairs)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(formPairs);

        var data = new StringBuilder(url);
        foreach (var pair in formPairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(pair.Key).Append(pair.Value);
        }

        // Twilio chose HMAC-SHA1; we must match it, not improve on it.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// True when <paramref name="header"/> is the signature of <paramref name="url"/> as given, without its port,
    /// or with the scheme's default port added: Twilio may sign either form (its helper libraries accept both).
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> formPairs, string? header)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(header) || string.IsNullOrEmpty(url))
        {
            return false;
        }

        var pairs = formPairs.ToList();
        var expected = Encoding.ASCII.GetBytes(header);
        var valid = false;
        foreach (var candidate in UrlForms(url))
        {
            var actual = Encoding.ASCII.GetBytes(Compute(authToken, candidate, pairs));
            // Every form is checked (no early exit) and each comparison is constant-time.
            valid |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }

        return valid;
    }

    private static IEnumerable<string> UrlForms(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            yield break;
        }

        var hostStart = schemeEnd + 3;
        var pathStart = url.IndexOfAny(['/', '?', '#'], hostStart);
        var authority = pathStart < 0 ? url[hostStart..] : url[hostStart..pathStart];
        var tail = pathStart < 0 ? string.Empty : url[pathStart..];
        var prefix = url[..hostStart];
        var portColon = authority.LastIndexOf(':');
        var hasPort = portColon > authority.LastIndexOf(']') && portColon > authority.LastIndexOf('@');

        if (hasPort)
        {
            yield return prefix + authority[..portColon] + tail;
        }
        else
        {
            var defaultPort = prefix.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
            yield return prefix + authority + ":" + defaultPort + tail;
        }
    }
}
