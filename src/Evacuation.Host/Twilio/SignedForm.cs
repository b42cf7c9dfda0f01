using Evacuation.Channels.Twilio;
using Evacuation.Host.Api;

namespace Evacuation.Host.Twilio;

/// <summary>
/// The one check every Twilio webhook passes before anything is believed: the raw form pairs, signed with
/// <c>X-Twilio-Signature</c> over <c>Twilio:PublicBaseUrl</c> + path + query string, never the Host header
/// (https://www.twilio.com/docs/usage/security#validating-requests).
/// </summary>
public static class SignedForm
{
    /// <summary>Twilio's webhooks are a few kilobytes; this leaves room for a 1,600-character text and its media.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// The form pairs of a request Twilio signed, or the refusal to answer instead: 403 when Twilio is a sandbox or
    /// has no public URL (nothing to check a signature with: accept nothing rather than anything), 413 over
    /// <see cref="MaxBytes"/>, 403 (logged) for a missing or wrong signature. A body that is not a form reads as no
    /// pairs; the caller refuses it afterwards. <paramref name="what"/> names the webhook in refusals and logs.
    /// </summary>
    public static async Task<(List<KeyValuePair<string, string>> Form, IResult? Refusal)> ReadAsync(
        HttpContext context, TwilioOptions options, ILogger logger, string what)
    {
        var request = context.Request;
        if (options.IsSandbox || string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return ([], Forbidden($"Twilio:AuthToken and Twilio:PublicBaseUrl are needed to accept {what}."));
        }
        if (await LimitedBody.ReadTextAsync(request, MaxBytes, context.RequestAborted) is not { } body)
        {
            return ([], LimitedBody.TooLarge(MaxBytes));
        }
        var form = request.HasFormContentType ? FormPairs.Parse(body) : [];
        var url = options.PublicBaseUrl.TrimEnd('/') + request.Path + request.QueryString;
        if (!TwilioSignature.IsValid(options.AuthToken!, url, form, request.Headers[TwilioSignature.Header].ToString()))
        {
            logger.LogWarning("Refused {What} with a missing or wrong X-Twilio-Signature", what);
            return ([], Forbidden("X-Twilio-Signature is missing or does not match."));
        }
        return (form, null);
    }

    static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not from Twilio");
}
