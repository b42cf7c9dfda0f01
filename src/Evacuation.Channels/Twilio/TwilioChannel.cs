using System.Globalization;
using Evacuation.Core.Channels;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Evacuation.Channels.Twilio;

/// <summary>
/// Sends SMS with Twilio's Messages API (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource):
/// one create request per message, the sender being the Messaging Service when set, else the From number.
/// </summary>
public sealed class TwilioChannel(ITwilioRestClient client, TwilioOptions options) : IChannel, ICredentialProbe
{
    public const string StatusCallbackPath = "/webhooks/twilio/status";

    public ChannelKind Kind => ChannelKind.Sms;

    public bool IsLive => true;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var create = new CreateMessageOptions(new PhoneNumber(message.Address))
        {
            Body = message.Text,
            StatusCallback = StatusCallbackFor(message.DeliveryId),
            // Twilio drops it unsent once it has queued this long, so a stale "leave now" never arrives hours late.
            ValidityPeriod = message.ValiditySeconds,
        };
        if (!string.IsNullOrWhiteSpace(options.MessagingServiceSid))
        {
            create.MessagingServiceSid = options.MessagingServiceSid;
        }
        else
        {
            create.From = new PhoneNumber(options.FromNumber);
        }

        try
        {
            // The library takes no cancellation token; WaitAsync stops our wait, not the request in flight.
            var created = await MessageResource.CreateAsync(create, client).WaitAsync(cancellationToken);
            return string.IsNullOrEmpty(created.Sid)
                ? SendResult.Retry("Twilio accepted the request but gave no message sid; " + TwilioErrors.MayExistNote)
                : SendResult.Sent(created.Sid);
        }
        catch (ApiException ex) when (ex.Status == 0)
        {
            // An error answer that is not Twilio JSON (an HTML 502/504 from a proxy or gateway): the library gives
            // no status then. A gateway may have passed the request on, so the message may exist.
            return SendResult.Retry("Twilio answered an error without a Twilio error body; " + TwilioErrors.MayExistNote);
        }
        catch (ApiException ex)
        {
            return TwilioErrors.Map(ex.Code, ex.Status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TwilioException or HttpRequestException or OperationCanceledException or IOException)
        {
            // The exception text is not passed on: it may carry the recipient's number.
            return SendResult.Retry(Describe(ex));
        }
    }

    /// <summary>Fetches our own account: it answers 401 (code 20003) while the credentials are wrong (https://www.twilio.com/docs/iam/api/account#fetch-an-account-resource).</summary>
    public async Task<SendResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var account = await AccountResource.FetchAsync(pathSid: options.AccountSid, client: client).WaitAsync(cancellationToken);
            return SendResult.Sent(account.Sid ?? "");
        }
        catch (ApiException ex) when (ex.Status != 0)
        {
            return TwilioErrors.Map(ex.Code, ex.Status);
        }
        catch (Exception ex) when (ex is TwilioException or HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry(Describe(ex));
        }
    }

    /// <summary><c>{PublicBaseUrl}/webhooks/twilio/status?deliveryId=...</c>, or null when no public URL is configured.</summary>
    public Uri? StatusCallbackFor(Guid deliveryId) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? null
            : new Uri(options.PublicBaseUrl.TrimEnd('/') + StatusCallbackPath + "?deliveryId=" + deliveryId.ToString("D", CultureInfo.InvariantCulture));

    private static string Describe(Exception ex) =>
        IsTimeout(ex)
            ? "Twilio request timed out; " + TwilioErrors.MayExistNote
            : $"Twilio connection failed ({(ex.InnerException ?? ex).GetType().Name})";

    private static bool IsTimeout(Exception ex) =>
        ex is OperationCanceledException or TimeoutException || (ex.InnerException is { } inner && IsTimeout(inner));
}
