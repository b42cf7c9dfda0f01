using Twilio.Clients;

namespace Evacuation.Channels.Twilio;

/// <summary>Builds the Twilio REST client the way this service needs it.</summary>
public static class TwilioRest
{
    /// <summary>
    /// A client whose requests go to <see cref="TwilioOptions.ApiBaseUrl"/>. <paramref name="innerHandler"/> is the
    /// transport (a pooled handler from IHttpClientFactory in the host; the default socket handler otherwise).
    /// </summary>
    public static TwilioRestClient CreateClient(TwilioOptions options, HttpMessageHandler? innerHandler = null, TimeSpan? timeout = null)
    {
        if (options.IsSandbox)
        {
            throw new InvalidOperationException("Twilio:AccountSid and Twilio:AuthToken are empty: the SMS channel is a sandbox.");
        }

        var handler = new TwilioApiBaseUrlHandler(new Uri(options.ApiBaseUrl)) { InnerHandler = innerHandler ?? new SocketsHttpHandler() };
        var httpClient = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        return new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new global::Twilio.Http.SystemNetHttpClient(httpClient));
    }
}
