using Evacuation.Core.Deliveries;

namespace Evacuation.Channels.Twilio;

/// <summary>
/// Reads Twilio status callbacks (<c>MessageStatus</c> and <c>ErrorCode</c> form fields) as the delivery state they report.
/// Statuses: https://www.twilio.com/docs/messaging/api/message-resource#message-status-values.
/// Error codes 30003-30008: https://www.twilio.com/docs/api/errors.
/// </summary>
public static class TwilioStatus
{
    // 30005 unknown destination handset, 30006 landline or unreachable carrier: this number will not work.
    // 30003 handset unreachable, 30004 blocked, 30007 carrier filtering, 30008 unknown error: this message failed.
    private static readonly HashSet<string> NumberCannotReceive = ["30005", "30006"];

    /// <summary>
    /// The state a callback reports (<see cref="DeliveryState.Sending"/> while Twilio still holds the message), or
    /// null for statuses that are not about an outbound message (receiving, received) or that we do not know.
    /// </summary>
    public static DeliveryState? Read(string? messageStatus, string? errorCode) =>
        messageStatus?.Trim().ToLowerInvariant() switch
        {
            "accepted" or "scheduled" or "queued" or "sending" => DeliveryState.Sending,
            "sent" => DeliveryState.Sent,
            "delivered" or "read" => DeliveryState.Delivered,
            "undelivered" or "failed" or "canceled" =>
                errorCode is not null && NumberCannotReceive.Contains(errorCode.Trim()) ? DeliveryState.Undeliverable : DeliveryState.Failed,
            _ => null,
        };
}
