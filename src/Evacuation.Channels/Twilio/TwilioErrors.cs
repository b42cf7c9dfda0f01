using Evacuation.Core.Channels;

namespace Evacuation.Channels.Twilio;

/// <summary>
/// Twilio error answers to a message create, mapped to outcomes (docs/architecture.md, "Provider facts that shape the code"). Error codes:
/// https://www.twilio.com/docs/api/errors. A row matches on the Twilio error code, else on the HTTP status.
/// </summary>
public static class TwilioErrors
{
    /// <summary>
    /// Added to the error of a send whose fate is unknown (HTTP 500 on create, timeout): the message may exist.
    /// We choose Retry because a second advisory costs less than a missing one, and the StatusCallback carries our
    /// delivery id, so a message that did exist still reports in and reconciles the row.
    /// </summary>
    public const string MayExistNote = "the message may already have been created; its status callback will tell";

    private sealed record Row(int? Code, int? HttpStatus, SendOutcome Outcome, string Meaning);

    private static readonly Row[] Table =
    [
        new(20429, null, SendOutcome.Retry, "too many requests"),
        new(21211, null, SendOutcome.Permanent, "invalid To number"),
        new(21614, null, SendOutcome.Permanent, "To is not a mobile number"),
        new(21408, null, SendOutcome.Permanent, "sending to this region is not enabled"),
        new(21610, null, SendOutcome.Unreachable, "the recipient replied STOP"),
        new(20003, null, SendOutcome.Misconfigured, "authentication failed"),
        new(21606, null, SendOutcome.Misconfigured, "the From number cannot send SMS"),
        new(21659, null, SendOutcome.Misconfigured, "the From number is not a Twilio number"),
        new(21212, null, SendOutcome.Misconfigured, "invalid From number"),
        new(21703, null, SendOutcome.Misconfigured, "the Messaging Service has no senders"),
        new(null, 429, SendOutcome.Retry, "too many requests"),
        new(null, 401, SendOutcome.Misconfigured, "authentication failed"),
        new(null, 500, SendOutcome.Retry, "Twilio internal error; " + MayExistNote),
    ];

    public static SendResult Map(int code, int httpStatus)
    {
        var row = Table.FirstOrDefault(r => r.Code == code) ?? Table.FirstOrDefault(r => r.Code is null && r.HttpStatus == httpStatus);
        var outcome = row?.Outcome ?? (httpStatus >= 500 ? SendOutcome.Retry : SendOutcome.Permanent);
        var error = $"Twilio {code} (HTTP {httpStatus}): {row?.Meaning ?? (httpStatus >= 500 ? "server error" : "request refused")}";
        return outcome switch
        {
            SendOutcome.Retry => SendResult.Retry(error),
            SendOutcome.Unreachable => SendResult.Unreachable(error),
            SendOutcome.Misconfigured => SendResult.Misconfigured(error),
            _ => SendResult.Permanent(error),
        };
    }
}
