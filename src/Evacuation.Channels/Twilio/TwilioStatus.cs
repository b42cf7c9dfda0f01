namespace Evacuation.Channels.Twilio;

/// <summary>
/// Reads Twilio status callbacks (<c>MessageStatus</c> and <c>ErrorCode</c> form fields) into <see cref="SmsDeliveryState"/>.
/// Statuses: https://www.twilio.com/docs/messaging/api/message-resource#message-status-values.
/// Error codes 30003-30008: https://www.twilio.com/docs/api/errors.
/// </summary>
public static class TwilioStatus
{
    // 30005 unknown destination handset, 30006 landline or unreachable carrier: this number will not work.
    // 30003 handset unreachable, 30004 blocked, 30007 carrier filtering, 30008 unknown error: this message failed.
    private static readonly HashSet<string> NumberCannotReceive = ["30005", "30006"];

    /// <summary>
    /// The state a callback reports, or null for statuses that are not about an outbound message (receiving,
    /// received) or that we do not know.
    /// </summary>
    public static SmsDeliveryState? Read(string? messageStatus, string? errorCode) =>
        messageStatus?.Trim().ToLowerInvariant() switch
        {
            "accepted" or "scheduled" or "queued" or "sending" => SmsDeliveryState.Sending,
            "sent" => SmsDeliveryState.Sent,
            "delivered" or "read" => SmsDeliveryState.Delivered,
            "undelivered" or "failed" or "canceled" =>
                errorCode is not null && NumberCannotReceive.Contains(errorCode.Trim()) ? SmsDeliveryState.Undeliverable : SmsDeliveryState.Failed,
            _ => null,
        };

    public static bool IsFinal(SmsDeliveryState state) =>
        state is SmsDeliveryState.Delivered or SmsDeliveryState.Failed or SmsDeliveryState.Undeliverable;

    /// <summary>
    /// Status only moves forward: a final state never changes, and a late or duplicated callback for an earlier
    /// step (a <c>sent</c> arriving after <c>delivered</c>) is ignored. Twilio does not promise callback order.
    /// </summary>
    public static bool MovesForward(SmsDeliveryState current, SmsDeliveryState next) =>
        !IsFinal(current) && next > current;
}
