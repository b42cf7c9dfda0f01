using System.Globalization;
using System.Text.RegularExpressions;

namespace Evacuation.Cli;

/// <summary>
/// <c>--expires-at</c>: an instant in ISO 8601 with its offset (<c>2026-12-06T18:00+02:00</c>, <c>...Z</c>), or a
/// time from now (<c>90m</c>, <c>2h</c>, <c>1d</c>), which is what an operator on the phone at 3 a.m. can type.
/// A time without an offset is refused: "18:00" in whose time zone is the question that loses people.
/// </summary>
public static partial class ExpiryOption
{
    /// <summary>The instant meant, or null with <paramref name="error"/> saying what to type instead.</summary>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now, out string? error)
    {
        error = null;
        var relative = FromNow().Match(text.Trim());
        if (relative.Success)
        {
            var amount = int.Parse(relative.Groups["n"].Value, CultureInfo.InvariantCulture);
            return relative.Groups["unit"].Value switch
            {
                "m" => now.AddMinutes(amount),
                "h" => now.AddHours(amount),
                _ => now.AddDays(amount),
            };
        }
        if (HasOffset().IsMatch(text.Trim())
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }
        error = $"--expires-at '{text}' is neither a time with its offset (2026-12-06T18:00+02:00, or Z for UTC) nor a time from now (90m, 2h, 1d)";
        return null;
    }

    [GeneratedRegex(@"^(?<n>[1-9][0-9]{0,4})(?<unit>[mhd])$")]
    private static partial Regex FromNow();

    [GeneratedRegex(@"T.*(Z|[+-][0-9]{2}:?[0-9]{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
