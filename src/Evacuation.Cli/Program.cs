// evac: the operator CLI, a client of the operator API (docs/api.md, "The CLI").
// Reads EVAC_URL (default http://127.0.0.1:5080) and EVAC_API_KEY, else what 'evac login' stored for this user.
// Exit 0 on success; otherwise one line on stderr.
using System.Net.Http.Headers;
using Evacuation.Cli;
using Spectre.Console;

var credentials = Credentials.ForUser();
var saved = credentials.Load();
var url = Environment.GetEnvironmentVariable("EVAC_URL") is { Length: > 0 } u ? u : saved?.Url ?? "http://127.0.0.1:5080";
var key = Environment.GetEnvironmentVariable("EVAC_API_KEY") is { Length: > 0 } k ? k : saved?.ApiKey;
if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
{
    await Console.Error.WriteLineAsync($"evac: EVAC_URL must be an http or https address (got '{url}')");
    return ExitCodes.Usage;
}

// No key: --help still works, and any command that calls the service says to set one.
using var http = string.IsNullOrWhiteSpace(key) ? null : new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30) };
http?.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
await using var output = Console.OpenStandardOutput();
var terminal = new Terminal(AnsiConsole.Console, output, Console.Error) { Input = Console.In };
return await EvacCli.RunAsync(terminal, new OperatorApi(http, url), credentials, args, cancel.Token);
