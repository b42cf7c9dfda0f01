namespace Evacuation.Core.Broadcasts;

/// <summary>
/// The placeholders a template may use. Names are matched ignoring case. <c>{sender}</c>, <c>{hotline}</c> and
/// <c>{asOf}</c> are written in the citizen's language (see <see cref="MessageTemplate.Render"/>).
/// </summary>
public static class Placeholders
{
    public const string Name = "name";
    public const string Crossing = "crossing";
    public const string CrossingDirections = "crossingDirections";
    public const string ReplyCodes = "replyCodes";
    public const string Sender = "sender";
    public const string Hotline = "hotline";
    public const string AsOf = "asOf";
    public const string CheckInLink = "checkInLink";

    public static IReadOnlyList<string> All { get; } = [Name, Crossing, CrossingDirections, ReplyCodes, Sender, Hotline, AsOf, CheckInLink];

    /// <summary>"{name}, {crossing}, ... or {asOf}", for error messages.</summary>
    public static string Listed { get; } =
        string.Join(", ", All.Take(All.Count - 1).Select(p => "{" + p + "}")) + " or {" + All[^1] + "}";

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The placeholder an unknown name was most likely meant to be (a typo of up to two letters), if any.</summary>
    public static string? Closest(string name)
    {
        var best = All
            .Select(p => (Placeholder: p, Distance: EditDistance(name.Trim().ToLowerInvariant(), p.ToLowerInvariant())))
            .MinBy(candidate => candidate.Distance);
        return best.Distance <= 2 ? best.Placeholder : null;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions, one each.</summary>
    static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
