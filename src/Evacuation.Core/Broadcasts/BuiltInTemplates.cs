using Evacuation.Core.Routes;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// The messages we wrote for every language (English, Hebrew, Russian, Ukrainian; see <see cref="Wordings"/>). Each
/// opens with the sender and ends with the reply codes, and has a variant for citizens without an assigned crossing.
/// Unknown language codes get English.
/// </summary>
public static class BuiltInTemplates
{
    /// <summary>The template an operator's broadcast uses when it brings no text of its own; none for Custom.</summary>
    public static BuiltInTemplate? For(BroadcastKind kind) => kind switch
    {
        BroadcastKind.Advisory => BuiltInTemplate.Advisory,
        BroadcastKind.RouteInstructions => BuiltInTemplate.RouteInstructions,
        _ => null,
    };

    /// <summary>The unfilled template, with placeholders, for showing to operators or checking.</summary>
    public static string Text(BuiltInTemplate template, string language, bool hasCrossing) =>
        Wordings.For(language).Template(template).For(hasCrossing);

    /// <summary>The message ready to send to one citizen, ending with their check-in link when there is one.</summary>
    public static string Render(BuiltInTemplate template, MessageValues values) =>
        MessageTemplate.Render(WithCheckInLink(Text(template, values.Language, values.HasCrossing), values), values);

    /// <summary>Citizens who cannot answer by SMS (one-way senders, roaming costs) can always answer on their page.</summary>
    static string WithCheckInLink(string template, MessageValues values) =>
        values.CheckInLink.Length == 0 ? template : template + " " + Wordings.For(values.Language).CheckIn.LinkLine;

    /// <summary>
    /// The RouteInstructions templates, one per language, for the citizens moved off <paramref name="left"/>: "Route
    /// changed: X is closed, go to {crossing}" (or "X has long queues" when it is congested), with X in each language.
    /// </summary>
    public static Dictionary<string, string> RouteChanged(Crossing left) =>
        Wordings.All.ToDictionary(
            wording => wording.Language,
            wording => left.Status == CrossingStatus.Congested
                ? wording.RouteChangedCongested(left.DisplayName(wording.Language))
                : wording.RouteChangedClosed(left.DisplayName(wording.Language)));
}
