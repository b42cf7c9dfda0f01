using System.Net.Http.Headers;
using System.Text;
using Evacuation.Cli;
using Evacuation.Data;
using Evacuation.Host.Broadcasts;
using Evacuation.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Spectre.Console;

namespace Evacuation.Cli.Tests;

/// <summary>
/// The service in memory (its own SQLite file, sandbox channels paced fast, real clock) and a way to run <c>evac</c>
/// against it through the test server's HttpClient, capturing what it prints. No network.
/// </summary>
/// <remarks>
/// The factory is keyed on a type from the service's assembly rather than <c>Program</c>, which would be ambiguous
/// here: the CLI has a <c>Program</c> too.
/// </remarks>
public sealed class CliHost : WebApplicationFactory<BroadcastRequest>
{
    public const string ViewerKey = TestKeys.Viewer;
    public const string OperatorKey = TestKeys.Operator;
    public const string AdminKey = TestKeys.Admin;
    public const string SecondOperatorKey = TestKeys.SecondOperator;

    readonly TestDatabase database;
    readonly Dictionary<string, string?> extra;

    CliHost(TestDatabase database, Dictionary<string, string?>? extra)
    {
        this.database = database;
        this.extra = extra ?? [];
    }

    /// <summary>Starts the service; <paramref name="extra"/> settings are added to (or replace) the defaults.</summary>
    public static async Task<CliHost> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var host = new CliHost(await TestDatabase.CreateAsync(StorageProvider.Sqlite), extra);
        _ = host.Server;
        return host;
    }

    public EvacuationDb Open() => database.Open();

    /// <summary>An HTTP client to the service with <paramref name="key"/>, for setting up what a test needs.</summary>
    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Runs <c>evac</c> with <paramref name="args"/> as the holder of <paramref name="key"/> (none: EVAC_API_KEY unset).</summary>
    public async Task<CliRun> RunAsync(string? key, params string[] args)
    {
        HttpClient? http = null;
        if (key is not null)
        {
            http = CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        using (http)
        {
            return await CliRun.RunAsync(new OperatorApi(http, "http://localhost") { PollInterval = TimeSpan.FromMilliseconds(50) }, args);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestKeys.WithSecondOperator(TestKeys.OnSqlite(database.ConnectionString, extra)))
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Testing");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}

/// <summary>What one run of <c>evac</c> printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Console, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(OperatorApi api, params string[] args)
    {
        var console = new StringWriter();
        var error = new StringWriter();
        using var output = new MemoryStream();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 200;
        var code = await EvacCli.RunAsync(new Terminal(ansi, output, error), api, args, TestContext.Current.CancellationToken);
        return new CliRun(code, console.ToString(), Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
