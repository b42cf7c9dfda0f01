using Evacuation.Core.Broadcasts;
using Evacuation.Core.Routes;

namespace Evacuation.Host.Broadcasts;

/// <summary>
/// The request-time check of <see cref="WorstCaseLength"/>: a broadcast that may go by SMS (every policy but Telegram
/// only; Preferred falls back to SMS) whose template, filled for its longest possible citizen, would exceed what an SMS
/// carries is refused, naming the language. Telegram splits long texts itself, so Telegram-only broadcasts are not limited.
/// </summary>
public static class RenderedLength
{
    public static IReadOnlyList<string> Problems(BroadcastPlan plan, CrossingsFile crossings, Signature signature) =>
        plan.Channels == ChannelPolicy.Telegram ? [] : WorstCaseLength.Check(plan.Kind, plan.Texts, crossings, signature);
}
