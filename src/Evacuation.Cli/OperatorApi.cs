using System.Net;
using System.Text.Json;
using System.Net.Http.Json;

namespace Evacuation.Cli;

/// <summary>
/// The operator HTTP API as the CLI uses it: JSON in and out, and every failure turned into one line a person
/// can act on (RFC 7807 <c>detail</c> when the service gives one).
/// </summary>
public sealed class OperatorApi(HttpClient? http, string url)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How often <c>--wait</c> asks for progress.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public string Url { get; } = url;

    HttpClient Http => http ?? throw new CliException("set EVAC_API_KEY to your operator key, or run 'evac login'", ExitCodes.Usage);

    /// <summary>Where requests go: the network by default; tests give an in-memory server's handler.</summary>
    public Func<HttpMessageHandler> Handler { get; init; } = () => new SocketsHttpHandler();

    /// <summary>The same API at <paramref name="address"/> with <paramref name="key"/> (what <c>evac login</c> checks).</summary>
    public OperatorApi With(string address, string key)
    {
        var client = new HttpClient(Handler()) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return new OperatorApi(client, address) { PollInterval = PollInterval, Handler = Handler };
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        await ReadAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken), cancellationToken);

    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        await ReadAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, cancellationToken), cancellationToken);

    public async Task<JsonElement> PostAsync(string path, HttpContent content, CancellationToken cancellationToken) =>
        await ReadAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, cancellationToken), cancellationToken);

    public async Task<JsonElement> DeleteAsync(string path, CancellationToken cancellationToken) =>
        await ReadAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken), cancellationToken);

    /// <summary>A response whose body the caller streams; already checked for success.</summary>
    public async Task<HttpResponseMessage> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await FailUnlessOkAsync(response, cancellationToken);
        return response;
    }

    async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using (request)
        {
            try
            {
                return await Http.SendAsync(request, completion, cancellationToken);
            }
            catch (HttpRequestException e) when (e.StatusCode is null)
            {
                throw new CliException($"cannot reach the service at {Url} ({e.Message}); is it running? Set EVAC_URL if it is elsewhere.", ExitCodes.Unreachable);
            }
        }
    }

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            await FailUnlessOkAsync(response, cancellationToken);
            try
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
            }
            catch (JsonException)
            {
                throw new CliException("the service answered something that is not Evacuation's API; check EVAC_URL");
            }
        }
    }

    static async Task FailUnlessOkAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var detail = DetailOf(text);
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new CliException("the service refused the key in EVAC_API_KEY (401); check it has not been revoked", ExitCodes.Refused),
            // The service says why: a role too low, or a rule such as "another operator must approve it".
            HttpStatusCode.Forbidden => new CliException($"{detail} (403)", ExitCodes.Refused),
            _ => new CliException($"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}"),
        };
    }

    static string DetailOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("detail", out var detail) || document.RootElement.TryGetProperty("title", out detail))
                && detail.GetString() is { } line)
            {
                return line;
            }
        }
        catch (JsonException)
        {
            // Not a problem document: show the start of the text instead.
        }
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length > 200 ? flat[..200] + "…" : flat;
    }
}
