using System.Globalization;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Replies;

/// <summary>
/// What one reply means for the citizen who sent it, and what should happen: status changes and the call list,
/// opt-out and opt-in, language, route requests and shared locations, enrolment of strangers, and which answer goes
/// back (README, "Citizens' replies"). Pure: it reads the reply, what the registry knows of the sender
/// (<see cref="ReplyFacts"/>) and the crossings as they are now, and returns <see cref="ReplyEffect"/>s for the service
/// to apply.
/// </summary>
/// <param name="places">The crossings with their live statuses, for ROUTE and shared locations.</param>
/// <param name="defaultRegion"><c>Citizens:DefaultRegion</c>: the country of a shared phone number written without a country code.</param>
/// <param name="signature">Who the messages are from and the hotline, for answers that carry them.</param>
public sealed class ReplyDecision(CrossingAssignment places, string defaultRegion, Signature signature)
{
    /// <summary>What <paramref name="reply"/> makes happen; <paramref name="now"/> is the time route answers are given as of.</summary>
    public ReplyOutcome Decide(Reply reply, ReplyFacts facts, DateTime now) => new ReplyDeciding(this, reply, facts, now).Run();

    /// <summary>
    /// The invitation token of a Telegram "/start TOKEN" (a deep link opened), typed or pressed; null for anything else.
    /// The service looks up whose invitation it is before deciding.
    /// </summary>
    public static string? InvitationToken(Reply reply) =>
        reply.Channel == ChannelKind.Telegram && reply.Kind is InboundKind.Text or InboundKind.Button
            ? StartCommand.Read(TextOf(reply))?.Token
            : null;

    /// <summary>The E.164 phone of a shared Telegram contact; null when none was shared or it is not a phone number.</summary>
    public string? SharedPhone(Reply reply) =>
        reply.Kind == InboundKind.Contact && reply.ContactPhone is { } phone && PhoneNumber.TryNormalize(phone, defaultRegion, out var e164, out _)
            ? e164
            : null;

    /// <summary>What the citizen wrote, with a reply button's data ("reply:2") read as the code it stands for ("2").</summary>
    internal static string TextOf(Reply reply) =>
        reply.Kind == InboundKind.Button && Keyboards.ReplyCodeOf(reply.Text) is { } code
            ? code.ToString(CultureInfo.InvariantCulture)
            : reply.Text;

    internal CrossingAssignment Places => places;

    internal Signature Signature => signature;
}
