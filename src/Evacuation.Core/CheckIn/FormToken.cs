using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Evacuation.Core.CheckIn;

/// <summary>
/// The hidden field of every check-in form, issued fresh with each page: a random nonce, the time the page was
/// rendered, and an HMAC-SHA256 of both keyed by the citizen's check-in token. A form is accepted only on the page
/// it was rendered for (after the token is rotated, no old form matches), only for <see cref="Lifetime"/>, and never
/// when made up by another site, which does not know the token. The nonce also names the press: submitting the same
/// form twice is one reply (see README, "Check-in page").
/// </summary>
public static class FormToken
{
    /// <summary>How long a rendered page's buttons keep working: a phone left on the page overnight still records a press the next morning.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A page clock a little ahead of ours (several nodes) is not a forgery.</summary>
    static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static string Issue(string checkInToken, DateTime now) =>
        Write(checkInToken, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeSeconds());

    /// <summary>The nonce of a form issued for <paramref name="checkInToken"/> and still fresh at <paramref name="now"/>, else why not.</summary>
    public static FormCheck Check(string checkInToken, string? form, DateTime now)
    {
        var parts = (form ?? "").Split('.');
        if (parts.Length != 3 || parts[0].Length != 32 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return FormCheck.Forged;
        }
        var expected = Encoding.ASCII.GetBytes(Write(checkInToken, parts[0], issued));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(form!)))
        {
            return FormCheck.Forged;
        }
        var at = DateTimeOffset.FromUnixTimeSeconds(Math.Min(issued, DateTimeOffset.MaxValue.ToUnixTimeSeconds())).UtcDateTime;
        return at > now + Skew ? FormCheck.Forged : now - at > Lifetime ? FormCheck.Expired : FormCheck.Fresh(parts[0]);
    }

    static string Write(string checkInToken, string nonce, long issued)
    {
        var body = nonce + "." + issued.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(checkInToken), Encoding.ASCII.GetBytes(body));
        return body + "." + Convert.ToHexStringLower(mac);
    }
}

/// <summary>What <see cref="FormToken.Check"/> found: <see cref="Nonce"/> is set only for a form that may be recorded.</summary>
public sealed record FormCheck(string? Nonce, bool IsExpired)
{
    public static FormCheck Forged { get; } = new(null, false);

    public static FormCheck Expired { get; } = new(null, true);

    public static FormCheck Fresh(string nonce) => new(nonce, false);
}
