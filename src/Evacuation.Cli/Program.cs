// evac: the operator CLI, a client of the operator API (CONTRACT.md section 5).
// Reads EVAC_URL (default http://127.0.0.1:5080) and EVAC_API_KEY. Exit 0 on success; otherwise one line on stderr.
using System.Net.Http.Headers;
using System.Text.Json;
using Evacuation.Cli;

var url = Environment.GetEnvironmentVariable("EVAC_URL") is { Length: > 0 } u ? u : "http://127.0.0.1:5080";
var key = Environment.GetEnvironmentVariable("EVAC_API_KEY");
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Commands.Help);
    return args.Length == 0 ? 2 : 0;
}
if (string.IsNullOrWhiteSpace(key))
{
    await Console.Error.WriteLineAsync("evac: set EVAC_API_KEY to your operator key");
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(url) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
try
{
    return await Commands.RunAsync(http, args);
}
catch (HttpRequestException e) when (e.StatusCode is null)
{
    await Console.Error.WriteLineAsync($"evac: cannot reach the service at {url} ({e.Message}); is it running? Set EVAC_URL if it is elsewhere.");
    return 3;
}
catch (CliException e)
{
    await Console.Error.WriteLineAsync("evac: " + e.Message);
    return 1;
}
catch (JsonException)
{
    await Console.Error.WriteLineAsync($"evac: the service at {url} answered something that is not Evacuation's API");
    return 1;
}
