using System.Security.Cryptography;
using Evacuation.Channels.Telegram;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Auditing;
using Evacuation.Core.Deliveries;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Citizens;

/// <summary>
/// <c>POST /api/citizens/{id}/invite</c>: sends the citizen an SMS with their personal Telegram deep link; opening it
/// sends <c>/start TOKEN</c>, which links the chat to this record (https://core.telegram.org/bots/features#deep-linking).
/// </summary>
public static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/citizens/{id}/invite", InviteAsync).WithTags("Citizens").RequireAuthorization(Roles.Operator);
        return app;
    }

    static async Task<IResult> InviteAsync(
        string id, HttpContext context, EvacuationDb db, IOptions<TelegramOptions> telegram,
        TimeProvider time, DeliveryPulse pulse, Signature signature, CancellationToken cancellationToken)
    {
        var bot = telegram.Value.BotUsername?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(bot))
        {
            return Problem.Conflict("Set Telegram:BotUsername (the bot's @username) so invitations can carry its link.");
        }
        if (!Guid.TryParse(id, out var citizenId) || await db.Citizens.SingleOrDefaultAsync(c => c.Id == citizenId, cancellationToken) is not { } citizen)
        {
            return Problem.NotFound($"No citizen has id {id}.");
        }
        if (!citizen.HasUsableSms || citizen.OptedOut)
        {
            return Problem.Conflict("This citizen has no phone we may text (none, unreachable or opted out).");
        }
        var now = time.GetUtcNow().UtcDateTime;
        // 16 random bytes in URL-safe Base64: 22 characters of A-Z a-z 0-9 _ -, as deep-link parameters allow.
        citizen.InviteToken ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        citizen.UpdatedAt = now;
        var link = $"https://t.me/{bot}?start={citizen.InviteToken}";
        var delivery = Answers.Queue(db, citizen, ChannelKind.Sms, InvitationText.For(citizen.Language, link, signature), now,
            priority: DeliveryPriority.Urgent); // one operator action for one person: never behind a bulk advisory
        db.CitizenEvents.Add(new CitizenEvent { CitizenId = citizen.Id, At = now, Kind = CitizenEventKind.Updated, Actor = Roles.NameOf(context.User), Detail = "Telegram invitation sent by SMS" });
        await db.SaveChangesAsync(cancellationToken);
        pulse.Pulse();
        return TypedResults.Accepted((string?)null, new { deliveryId = delivery.Id.ToString(), link });
    }
}
