using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// Chooses one meaning when a reply says several things. Safety first: help beats everything; an opt-out is
/// honoured next; then the journey status; then language, route, opt-in and enrolment requests.
/// </summary>
internal static class Resolution
{
    public static ReplyMeaning Choose(IReadOnlyList<ReplyMeaning> meanings, JourneyStatus? code, ReplyMeaning? language)
    {
        var statuses = meanings
            .Where(meaning => meaning.Kind == ReplyKind.Status)
            .Select(meaning => meaning.Status!.Value)
            .Concat(code is { } numbered ? [numbered] : [])
            .ToHashSet();

        if (statuses.Contains(JourneyStatus.NeedsHelp))
        {
            return ReplyMeaning.Of(JourneyStatus.NeedsHelp);
        }

        if (Has(meanings, ReplyKind.Stop))
        {
            return new ReplyMeaning(ReplyKind.Stop);
        }

        // "Crossed, on our way to Kraków": someone who has left is still travelling, and has left.
        if (statuses.Contains(JourneyStatus.Departed))
        {
            statuses.Remove(JourneyStatus.OnTheWay);
        }

        switch (statuses.Count)
        {
            case 1:
                return ReplyMeaning.Of(statuses.Single());
            case > 1:
                return ReplyMeaning.Unknown; // "staying" and "left" together: a person should read it
        }

        if (language is not null)
        {
            return language;
        }

        ReplyKind[] requests = [ReplyKind.Route, ReplyKind.Start, ReplyKind.Join];
        foreach (var kind in requests)
        {
            if (Has(meanings, kind))
            {
                return new ReplyMeaning(kind);
            }
        }

        return ReplyMeaning.Unknown;
    }

    private static bool Has(IReadOnlyList<ReplyMeaning> meanings, ReplyKind kind) => meanings.Any(meaning => meaning.Kind == kind);
}
