using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// The numbered reply codes 1-4 offered in every advisory. A number counts only as the first or last word of the
/// reply ("1", "1 thanks", "answer: 2"), so "we are 3 people, leaving now" is not a code; two different codes
/// ("1 2") cancel out, except that a 4 among them is always heard.
/// </summary>
internal static class ReplyCodes
{
    public static JourneyStatus? Read(IReadOnlyList<string[]> clauses)
    {
        if (clauses.Count == 0)
        {
            return null;
        }

        string[] ends = [clauses[0][0], clauses[^1][^1]];
        var numbers = ends.Where(word => word.All(char.IsAsciiDigit)).Distinct(StringComparer.Ordinal).ToArray();
        if (numbers.Contains("4"))
        {
            return JourneyStatus.NeedsHelp;
        }

        return numbers is [var only] ? Meaning(only) : null;
    }

    private static JourneyStatus? Meaning(string number) => number switch
    {
        "1" => JourneyStatus.Departed,
        "2" => JourneyStatus.OnTheWay,
        "3" => JourneyStatus.Staying,
        "4" => JourneyStatus.NeedsHelp,
        _ => null,
    };
}
