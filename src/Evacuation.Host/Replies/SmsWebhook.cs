using System.Text;
using Evacuation.Channels.Twilio;
using Evacuation.Host.Api;
using Evacuation.Host.Configuration;
using Evacuation.Host.Deliveries;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Replies;

/// <summary>
/// <c>POST /webhooks/twilio/sms</c>: Twilio's inbound SMS (https://www.twilio.com/docs/messaging/guides/webhook-request).
/// Authenticate (signature over the raw pairs and <c>Twilio:PublicBaseUrl</c>), store once per MessageSid, answer an
/// empty TwiML document at once; the acknowledgement goes out later through the outbox.
/// </summary>
public static class SmsWebhook
{
    public const string Path = "/webhooks/twilio/sms";

    const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static IEndpointRouteBuilder MapSmsWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).AllowAnonymous().WithTags("Webhooks");
        return app;
    }

    static async Task<IResult> HandleAsync(
        HttpContext context, IOptions<TwilioOptions> twilio, IOptions<CitizensOptions> citizens, ReplyInbox inbox, ILoggerFactory loggers)
    {
        var options = twilio.Value;
        if (options.IsSandbox || string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return Forbidden("Twilio:AuthToken and Twilio:PublicBaseUrl are needed to accept inbound SMS.");
        }
        var body = await LimitedBody.ReadAsync(context.Request, FormPairs.MaxBytes, context.RequestAborted);
        if (body is null)
        {
            return TypedResults.Problem($"The body is over {FormPairs.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }
        var form = context.Request.HasFormContentType ? FormPairs.Parse(body) : [];
        var url = options.PublicBaseUrl.TrimEnd('/') + context.Request.Path + context.Request.QueryString;
        if (!TwilioSignature.IsValid(options.AuthToken!, url, form, context.Request.Headers[TwilioSignature.Header].ToString()))
        {
            loggers.CreateLogger(typeof(SmsWebhook)).LogWarning("Refused an inbound SMS with a missing or wrong X-Twilio-Signature");
            return Forbidden("X-Twilio-Signature is missing or does not match.");
        }
        if (!context.Request.HasFormContentType || TwilioInbound.Read(form, citizens.Value.DefaultRegion) is not { } message)
        {
            return Problem.BadRequest("Send Twilio's inbound message form (application/x-www-form-urlencoded) with MessageSid and From.");
        }
        await inbox.AcceptAsync(message, context.RequestAborted);
        return TypedResults.Text(EmptyTwiml, "text/xml", Encoding.UTF8);
    }

    static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not from Twilio");
}
