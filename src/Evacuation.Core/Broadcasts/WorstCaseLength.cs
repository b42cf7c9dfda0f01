using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// How long an operator's template can get once filled for the citizen it is longest for: the longest name a citizen
/// may have, the longest crossing name and directions in that language (from any region's centre or a shared
/// location), the reply codes, sender, hotline and check-in link (when <c>Web:PublicBaseUrl</c> is set). A template that fits for a typical citizen may not fit for all,
/// and Twilio refuses a body over <see cref="MessageTemplate.MaxLength"/> characters, so such a broadcast is refused
/// before anything is sent rather than failing for some citizens later.
/// </summary>
public static class WorstCaseLength
{
    /// <summary>
    /// The problems of <paramref name="texts"/> (by language) for a broadcast of <paramref name="kind"/> that may be
    /// sent by SMS, each naming its language; empty when every language fits. Custom texts are sent as written and are
    /// checked as they are (<see cref="MessageTemplate.CheckCustom"/>).
    /// </summary>
    public static IReadOnlyList<string> Check(BroadcastKind kind, IReadOnlyDictionary<string, string> texts, CrossingsFile crossings, Signature signature)
    {
        if (kind == BroadcastKind.Custom)
        {
            return [];
        }
        var problems = new List<string>();
        foreach (var (language, text) in texts)
        {
            var length = Of(kind, text, language, crossings, signature);
            if (length > MessageTemplate.MaxLength)
            {
                problems.Add($"text.{language}: filled in for the longest name ({CitizenRules.MaxNameLength} characters) and the longest crossing "
                    + $"name and directions, the '{language}' message reaches {length} characters; an SMS carries at most "
                    + $"{MessageTemplate.MaxLength}: shorten it by {length - MessageTemplate.MaxLength}, or send by Telegram only");
            }
        }
        return problems;
    }

    /// <summary>The length of <paramref name="template"/> filled with the longest values it can get in <paramref name="language"/>.</summary>
    public static int Of(BroadcastKind kind, string template, string language, CrossingsFile crossings, Signature signature)
    {
        var values = new MessageValues(language, new string('W', CitizenRules.MaxNameLength), Longest(crossings.Crossings.Select(c => c.DisplayName(language))),
            Longest(Directions(crossings, language)))
        {
            Signature = signature,
            At = new DateTime(2026, 12, 31, 23, 59, 0, DateTimeKind.Utc),
            // Every token has the same length; the link is empty unless Web:PublicBaseUrl is set, as for real citizens.
            CheckInToken = new string('x', CheckIn.CheckInToken.Length),
        };
        return BroadcastText.Compose(kind, template, values).Length;
    }

    static IEnumerable<string> Directions(CrossingsFile crossings, string language) =>
        from crossing in crossings.Crossings
        from region in crossings.Regions.Regions
        let point = new GeoPoint(region.Latitude, region.Longitude)
        from origin in new[] { new Origin(point, region), new Origin(point, null) }
        select RouteDirections.Describe(crossing, origin, language);

    static string? Longest(IEnumerable<string> values) => values.MaxBy(v => v.Length);
}
