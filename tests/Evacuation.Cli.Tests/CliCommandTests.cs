using Evacuation.Cli;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Cli.Tests;

public sealed class CliCommandTests : IAsyncLifetime
{
    const string Header = "externalId,name,phone,telegramChatId,language,region,householdSize";

    readonly List<string> files = [];
    CliHost host = null!;

    public async ValueTask InitializeAsync() => host = await CliHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        files.ForEach(File.Delete);
    }

    string Csv(params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"evac-cli-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, [Header, .. rows]);
        files.Add(path);
        return path;
    }

    /// <summary>Citizens in Lviv and Odesa, every one reachable by SMS, in the four languages.</summary>
    async Task ImportAsync(int count)
    {
        string[] languages = ["en", "he", "ru", "uk"];
        var rows = Enumerable.Range(0, count).Select(n => $"c{n},Citizen {n},+38050{n:D7},,{languages[n % 4]},{(n % 2 == 0 ? "Lviv" : "Odesa")},2").ToArray();
        var run = await host.RunAsync(CliHost.OperatorKey, "citizens", "import", Csv(rows));
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Import_prints_the_counts_and_lists_each_rejected_line()
    {
        var file = Csv("a1,Anna,+380501234567,,en,Lviv,1", "a2,Bad phone,12,,en,Lviv,1", "a3,Olena,+380501234568,,xx,Lviv,1");

        var run = await host.RunAsync(CliHost.OperatorKey, "citizens", "import", file);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("imported 1, updated 0, unchanged 0, rejected 2", run.Console);
        Assert.Contains("Rejected lines", run.Console);
        Assert.Matches(@"│\s+3 │", run.Console);
        Assert.Matches(@"│\s+4 │", run.Console);
    }

    [Fact]
    public async Task Stats_is_a_table_by_region_and_status_with_people_still_in_the_country()
    {
        await ImportAsync(6);

        var run = await host.RunAsync(CliHost.ViewerKey, "stats");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"Lviv\s+│\s+3 │", run.Console);
        Assert.Matches(@"Odesa\s+│\s+3 │", run.Console);
        Assert.Contains("Unconfirmed", run.Console);
        Assert.Contains("citizens 6, people 12, estimated still in the country 12", run.Console);
    }

    [Fact]
    public async Task A_dry_run_prints_the_estimate_with_the_UCS2_warning_and_sends_nothing()
    {
        await ImportAsync(8);

        var run = await host.RunAsync(CliHost.OperatorKey, "broadcast", "advisory", "--region", "Odesa", "--dry-run");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("recipients 4: 0 by Telegram, 4 by SMS", run.Console);
        Assert.Contains("warning: he is sent as UCS-2", run.Console);
        Assert.Contains("dry run: nothing was sent", run.Console);
        await using var db = host.Open();
        Assert.Equal(0, await db.Broadcasts.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_advisory_with_wait_follows_the_broadcast_until_everyone_is_reached()
    {
        await ImportAsync(40);

        var run = await host.RunAsync(CliHost.OperatorKey, "broadcast", "advisory", "--status", "Unconfirmed", "--region", "Lviv", "--region", "Odesa", "--wait");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("queued for 40 recipients", run.Console);
        Assert.Matches(@"│ (Completed|Sending)\s+│\s+40 │\s+0 │\s+40 │", run.Console);
    }

    [Fact]
    public async Task Status_shows_the_counters_of_a_broadcast_and_an_unknown_id_is_one_line_and_exit_1()
    {
        await ImportAsync(4);
        var sent = await host.RunAsync(CliHost.OperatorKey, "broadcast", "route", "--wait");
        Assert.Equal(ExitCodes.Ok, sent.ExitCode);
        var id = sent.Console.Split("broadcast ")[1].Split(' ')[0];

        var status = await host.RunAsync(CliHost.ViewerKey, "broadcast", "status", id);
        var unknown = await host.RunAsync(CliHost.ViewerKey, "broadcast", "status", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains("recipients", status.Console);
        Assert.Matches(@"│\s+4 │", status.Console);
        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
        Assert.StartsWith("evac: 404 Not Found: No broadcast has id", unknown.Error);
        Assert.Single(unknown.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task The_unconfirmed_report_goes_to_stdout_byte_for_byte_or_to_a_file()
    {
        await ImportAsync(3);
        var file = Path.Combine(Path.GetTempPath(), $"evac-report-{Guid.NewGuid():N}.csv");
        files.Add(file);

        var stdout = await host.RunAsync(CliHost.OperatorKey, "report", "unconfirmed");
        var written = await host.RunAsync(CliHost.OperatorKey, "report", "unconfirmed", "-o", file);

        Assert.Equal(ExitCodes.Ok, stdout.ExitCode);
        Assert.Equal(4, stdout.Output.Trim().Split('\n').Length);
        Assert.Equal(ExitCodes.Ok, written.ExitCode);
        Assert.Equal(stdout.Output, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    public static Labelled<string[], int, string> Failures => new()
    {
        { "a missing file", ["citizens", "import", "/no/such/file.csv"], ExitCodes.BadFile, "evac: cannot read /no/such/file.csv" },
        { "an unknown command", ["launch"], ExitCodes.Usage, "evac: " },
        { "a missing argument", ["broadcast", "status"], ExitCodes.Usage, "evac: " },
        { "an unknown channel", ["broadcast", "advisory", "--channels", "Pigeon", "--dry-run"], ExitCodes.Failed, "evac: 400" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_failure_is_one_line_on_stderr_with_its_own_exit_code(string[] args, int exitCode, string start)
    {
        var run = await host.RunAsync(CliHost.OperatorKey, args);

        Assert.True(exitCode == run.ExitCode, $"exit {run.ExitCode}, stderr {run.Error}");
        Assert.StartsWith(start, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_wrong_key_a_viewer_sending_and_no_key_are_refused_with_their_own_exit_codes()
    {
        var wrong = await host.RunAsync("wrong-key-0123456789abcdef", "stats");
        var viewer = await host.RunAsync(CliHost.ViewerKey, "broadcast", "advisory");
        var none = await host.RunAsync(null, "stats");

        Assert.Equal(ExitCodes.Refused, wrong.ExitCode);
        Assert.Contains("refused the key", wrong.Error);
        Assert.Equal(ExitCodes.Refused, viewer.ExitCode);
        Assert.Contains("403", viewer.Error);
        Assert.Equal(ExitCodes.Usage, none.ExitCode);
        Assert.Equal("evac: set EVAC_API_KEY to your operator key, or run 'evac login'", none.Error.Trim());
    }

    [Fact]
    public async Task An_unreachable_service_is_one_line_that_names_the_address()
    {
        // Port 9 on loopback (discard) has no listener here: the connection is refused at once, no network needed.
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9") };
        var run = await CliRun.RunAsync(new OperatorApi(http, "http://127.0.0.1:9"), "stats");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.StartsWith("evac: cannot reach the service at http://127.0.0.1:9", run.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("citizens import --help")]
    [InlineData("broadcast advisory --help")]
    [InlineData("broadcast route --help")]
    [InlineData("broadcast status --help")]
    [InlineData("stats --help")]
    [InlineData("report unconfirmed --help")]
    public async Task Every_command_has_help(string args)
    {
        var run = await host.RunAsync(null, args.Split(' '));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("USAGE", run.Console);
    }
}
