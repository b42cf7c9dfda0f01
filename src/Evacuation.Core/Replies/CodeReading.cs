using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// Reads the numbered reply codes 1-4 offered in every advisory (Broadcasts writes that line of the messages; this is
/// the parser's reading of a citizen's answer to it). A number counts only as the first or last word of the reply
/// ("1", "1 thanks", "answer: 2"), so "we are 3 people, leaving now" is not a code; a reply with different numbers in
/// it ("1 2", "2 adults 1 child") has no code, except that a 4 at either end is always heard.
/// </summary>
internal static class CodeReading
{
    public static JourneyStatus? Read(IReadOnlyList<string[]> clauses)
    {
        if (clauses.Count == 0)
        {
            return null;
        }

        string[] ends = [clauses[0][0], clauses[^1][^1]];
        if (!ends.Any(IsNumber))
        {
            return null;
        }

        if (ends.Contains("4"))
        {
            return JourneyStatus.NeedsHelp;
        }

        var numbers = clauses.SelectMany(clause => clause).Where(IsNumber).Distinct(StringComparer.Ordinal).ToArray();
        return numbers is [var only] ? Meaning(only) : null;
    }

    private static bool IsNumber(string word) => word.All(char.IsAsciiDigit);

    private static JourneyStatus? Meaning(string number) => number switch
    {
        "1" => JourneyStatus.Departed,
        "2" => JourneyStatus.OnTheWay,
        "3" => JourneyStatus.Staying,
        "4" => JourneyStatus.NeedsHelp,
        _ => null,
    };
}
