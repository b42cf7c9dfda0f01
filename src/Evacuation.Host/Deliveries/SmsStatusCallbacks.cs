using Evacuation.Channels.Twilio;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Host.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// <c>POST /webhooks/twilio/status</c>: Twilio's delivery receipts
/// (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status). The signature is checked against
/// <c>Twilio:PublicBaseUrl</c> + path + query, never the Host header; the delivery is found by our
/// <c>deliveryId</c> in the callback URL, else by <c>MessageSid</c>; the state only moves forward.
/// </summary>
public static class SmsStatusCallbacks
{
    public static IEndpointRouteBuilder MapSmsStatusCallbacks(this IEndpointRouteBuilder app)
    {
        app.MapPost(TwilioChannel.StatusCallbackPath, HandleAsync).AllowAnonymous().WithTags("Webhooks");
        return app;
    }

    static async Task<IResult> HandleAsync(
        HttpContext context, IOptions<TwilioOptions> twilio, EvacuationDb db, TimeProvider time, DeliveryPulse pulse, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SmsStatusCallbacks));
        var options = twilio.Value;
        var form = await FormPairs.ReadAsync(context.Request, context.RequestAborted);
        var signature = context.Request.Headers[TwilioSignature.Header].ToString();
        if (options.IsSandbox || string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            // Nothing to check a signature with: accept nothing rather than anything.
            return Forbidden("Twilio:AuthToken and Twilio:PublicBaseUrl are needed to accept status callbacks.");
        }
        var url = options.PublicBaseUrl.TrimEnd('/') + context.Request.Path + context.Request.QueryString;
        if (form is null ? !TwilioSignature.IsValid(options.AuthToken!, url, [], signature) : !TwilioSignature.IsValid(options.AuthToken!, url, form, signature))
        {
            logger.LogWarning("Refused a status callback with a missing or wrong X-Twilio-Signature");
            return Forbidden("X-Twilio-Signature is missing or does not match.");
        }
        if (form is null)
        {
            return Problem.BadRequest("Send the callback form-encoded (application/x-www-form-urlencoded).");
        }
        var status = form.First("MessageStatus");
        var sid = form.First("MessageSid");
        var state = TwilioStatus.Read(status, form.First("ErrorCode"));
        if (string.IsNullOrWhiteSpace(status) || (state is null && !IsInbound(status)))
        {
            return Problem.BadRequest($"MessageStatus '{status}' is not a Twilio message status.");
        }
        var deliveryIdText = context.Request.Query["deliveryId"].ToString();
        Guid? deliveryId = null;
        if (!string.IsNullOrEmpty(deliveryIdText))
        {
            if (!Guid.TryParse(deliveryIdText, out var parsed))
            {
                return Problem.BadRequest("deliveryId in the callback URL is not one of our delivery ids.");
            }
            deliveryId = parsed;
        }
        if (deliveryId is null && string.IsNullOrWhiteSpace(sid))
        {
            return Problem.BadRequest("The callback names no delivery: neither deliveryId in the URL nor MessageSid in the form.");
        }
        var delivery = deliveryId is { } id
            ? await db.Deliveries.SingleOrDefaultAsync(d => d.Id == id, context.RequestAborted)
            : await db.Deliveries.FirstOrDefaultAsync(d => d.ProviderMessageId == sid && d.Channel == Core.Channels.ChannelKind.Sms, context.RequestAborted);
        if (delivery is null)
        {
            logger.LogInformation("Status callback for an unknown delivery ({Status}); ignored", status);
            return TypedResults.Ok();
        }
        if (state is not { } reported || ToDelivery(reported) is not { } next || !DeliveryMoves.CanMove(delivery.State, next))
        {
            return TypedResults.Ok();
        }
        await ApplyAsync(db, delivery, next, sid, form.First("ErrorCode"), time.GetUtcNow().UtcDateTime, context.RequestAborted);
        pulse.Pulse();
        return TypedResults.Ok();
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
            await Outbox.MarkUnreachableAsync(db, delivery, broadcast.Kind, broadcast.Channels, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    static DeliveryState? ToDelivery(SmsDeliveryState state) => state switch
    {
        SmsDeliveryState.Sent => DeliveryState.Sent,
        SmsDeliveryState.Delivered => DeliveryState.Delivered,
        SmsDeliveryState.Failed => DeliveryState.Failed,
        SmsDeliveryState.Undeliverable => DeliveryState.Undeliverable,
        _ => null,
    };

    static bool IsInbound(string status) => status.Trim().ToLowerInvariant() is "receiving" or "received";

    static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not from Twilio");
}
