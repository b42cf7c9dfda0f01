namespace Evacuation.Channels.Twilio;

/// <summary>
/// Sends Twilio's requests to <c>Twilio:ApiBaseUrl</c> instead of https://api.twilio.com: the Twilio library has no
/// base-URL option, so the scheme, host and port are rewritten on the way out (path and query are kept).
/// </summary>
public sealed class TwilioApiBaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } original)
        {
            request.RequestUri = new UriBuilder(original) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
