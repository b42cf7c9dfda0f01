using Evacuation.Channels.Twilio;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Twilio;

/// <summary>
/// <c>POST /webhooks/twilio/status</c>: Twilio's delivery receipts
/// (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status), checked by <see cref="SignedForm"/>.
/// The delivery is found by our <c>deliveryId</c> in the callback URL, else by <c>MessageSid</c>; the state only
/// moves forward.
/// </summary>
public static class StatusCallbacks
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, IOptions<TwilioOptions> twilio, EvacuationDb db, TimeProvider time, DeliveryPulse pulse, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(StatusCallbacks));
        var (form, refusal) = await SignedForm.ReadAsync(context, twilio.Value, logger, "status callbacks");
        if (refusal is not null)
        {
            return refusal;
        }
        if (!context.Request.HasFormContentType)
        {
            return Problem.BadRequest("Send the callback form-encoded (application/x-www-form-urlencoded).");
        }
        var status = form.First("MessageStatus");
        var state = TwilioStatus.Read(status, form.First("ErrorCode"));
        if (string.IsNullOrWhiteSpace(status) || (state is null && !IsInbound(status)))
        {
            return Problem.BadRequest($"MessageStatus '{status}' is not a Twilio message status.");
        }
        var sid = form.First("MessageSid");
        var (delivery, problem) = await FindDeliveryAsync(context, db, sid);
        if (problem is not null)
        {
            return problem;
        }
        if (delivery is null)
        {
            logger.LogInformation("Status callback for an unknown delivery ({Status}); ignored", status);
            return TypedResults.Ok();
        }
        // "Still with Twilio" is no news: the delivery is sending or sent already.
        if (state is not { } next || next == DeliveryState.Sending || !DeliveryMoves.CanMove(delivery.State, next))
        {
            return TypedResults.Ok();
        }
        await ApplyAsync(db, delivery, next, sid, form.First("ErrorCode"), time.GetUtcNow().UtcDateTime, context.RequestAborted);
        pulse.Pulse();
        return TypedResults.Ok();
    }

    /// <summary>By our <c>deliveryId</c> in the callback URL (which survives a lost create answer), else by MessageSid.</summary>
    static async Task<(Delivery? Delivery, IResult? Problem)> FindDeliveryAsync(HttpContext context, EvacuationDb db, string? sid)
    {
        var deliveryIdText = context.Request.Query["deliveryId"].ToString();
        if (!string.IsNullOrEmpty(deliveryIdText))
        {
            return Guid.TryParse(deliveryIdText, out var id)
                ? (await db.Deliveries.SingleOrDefaultAsync(d => d.Id == id, context.RequestAborted), null)
                : (null, Problem.BadRequest("deliveryId in the callback URL is not one of our delivery ids."));
        }
        if (string.IsNullOrWhiteSpace(sid))
        {
            return (null, Problem.BadRequest("The callback names no delivery: neither deliveryId in the URL nor MessageSid in the form."));
        }
        return (await db.Deliveries.FirstOrDefaultAsync(d => d.ProviderMessageId == sid && d.Channel == ChannelKind.Sms, context.RequestAborted), null);
    }

    static async Task ApplyAsync(EvacuationDb db, Delivery delivery, DeliveryState next, string? sid, string? errorCode, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = delivery.State;
        delivery.State = next;
        delivery.LeaseUntil = null;
        delivery.ProviderMessageId ??= sid;
        if (next is DeliveryState.Sent or DeliveryState.Delivered)
        {
            delivery.SentAt ??= now;
        }
        if (next == DeliveryState.Delivered)
        {
            delivery.DeliveredAt = now;
        }
        if (next is DeliveryState.Failed or DeliveryState.Undeliverable)
        {
            delivery.LastError = $"Twilio reported {next.ToString().ToLowerInvariant()}" + (errorCode is null ? "" : $" (error {errorCode})");
        }
        db.CitizenEvents.Add(new CitizenEvent
        {
            CitizenId = delivery.CitizenId,
            At = now,
            Kind = CitizenEventKind.DeliveryChanged,
            Actor = "twilio",
            Detail = $"SMS {previous.ToString().ToLowerInvariant()} → {next.ToString().ToLowerInvariant()}" + (errorCode is null ? "" : $" (error {errorCode})"),
        });
        if (next == DeliveryState.Undeliverable)
        {
            var broadcast = await db.Broadcasts.AsNoTracking().Where(b => b.Id == delivery.BroadcastId)
                .Select(b => new { b.Kind, b.Channels }).SingleAsync(cancellationToken);
            await UnreachableChannel.MarkAsync(db, delivery, broadcast.Kind, broadcast.Channels, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    static bool IsInbound(string status) => status.Trim().ToLowerInvariant() is "receiving" or "received";
}
