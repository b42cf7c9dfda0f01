using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// Who a reply is from, as far as the registry knows, looked up before <see cref="ReplyDecision.Decide"/> runs.
/// </summary>
/// <param name="Sender">The citizen with the reply's chat id (Telegram) or phone (SMS); null for a stranger.</param>
/// <param name="Invited">
/// For "/start TOKEN" (<see cref="ReplyDecision.InvitationToken"/>) from a stranger: the citizen holding that invitation.
/// </param>
/// <param name="PhoneHolder">For a shared contact (<see cref="ReplyDecision.SharedPhone"/>): the citizen who has that phone.</param>
public sealed record ReplyFacts(Citizen? Sender, Citizen? Invited = null, Citizen? PhoneHolder = null);

/// <summary>
/// What a reply means and what it makes happen. <paramref name="Meaning"/> is what the reply row shows (null: keep
/// what the channel noted on it); <paramref name="Unhandled"/> puts it in front of an operator.
/// </summary>
public sealed record ReplyOutcome(string? Meaning, bool Unhandled, IReadOnlyList<ReplyEffect> Effects);
