using System.Text;
using Evacuation.Channels.Twilio;
using Evacuation.Host.Api;
using Evacuation.Host.Limits;
using Evacuation.Host.Citizens;
using Evacuation.Host.Replies;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Twilio;

/// <summary>
/// Twilio's two webhooks, both checked by <see cref="SignedForm"/>: inbound SMS
/// (https://www.twilio.com/docs/messaging/guides/webhook-request) and delivery receipts (<see cref="StatusCallbacks"/>).
/// </summary>
public static class TwilioEndpoints
{
    public const string InboundSmsPath = "/webhooks/twilio/sms";

    const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static IEndpointRouteBuilder MapTwilio(this IEndpointRouteBuilder app)
    {
        app.MapPost(InboundSmsPath, InboundSmsAsync).AllowAnonymous().RequireRateLimiting(RateLimits.PerAddress).WithTags("Webhooks");
        app.MapPost(TwilioChannel.StatusCallbackPath, StatusCallbacks.HandleAsync).AllowAnonymous().RequireRateLimiting(RateLimits.PerAddress).WithTags("Webhooks");
        return app;
    }

    /// <summary>
    /// Stores the message once per MessageSid and answers an empty TwiML document at once; the acknowledgement goes
    /// out later through the outbox.
    /// </summary>
    static async Task<IResult> InboundSmsAsync(
        HttpContext context, IOptions<TwilioOptions> twilio, IOptions<CitizensOptions> citizens, ReplyInbox inbox, ILoggerFactory loggers)
    {
        var (form, refusal) = await SignedForm.ReadAsync(context, twilio.Value, loggers.CreateLogger(typeof(TwilioEndpoints)), "inbound SMS");
        if (refusal is not null)
        {
            return refusal;
        }
        if (!context.Request.HasFormContentType || TwilioInbound.Read(form, citizens.Value.DefaultRegion) is not { } message)
        {
            return Problem.BadRequest("Send Twilio's inbound message form (application/x-www-form-urlencoded) with MessageSid and From.");
        }
        await inbox.AcceptAsync(message, context.RequestAborted);
        return TypedResults.Text(EmptyTwiml, "text/xml", Encoding.UTF8);
    }
}
