using System.Net.Http.Json;
using Evacuation.Cli;
using Evacuation.Core.Citizens;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Cli.Tests;

/// <summary><c>evac cases list|take|resolve</c> and <c>evac broadcast approve|reject</c>.</summary>
public sealed class CaseAndApprovalCommandTests
{
    static async Task<List<Citizen>> AddCitizensAsync(CliHost host, int count)
    {
        var citizens = Enumerable.Range(0, count).Select(n => new Citizen
        {
            Name = $"Citizen {n}", TelegramChatId = 1000 + n, Phone = $"+38050{n:D7}", Language = "en", Region = "Lviv",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }).ToList();
        await using var db = host.Open();
        db.Citizens.AddRange(citizens);
        await db.SaveChangesAsync();
        return citizens;
    }

    [Fact]
    public async Task An_officer_lists_takes_and_resolves_a_case_and_resolving_twice_is_refused()
    {
        await using var host = await CliHost.StartAsync();
        var citizen = (await AddCitizensAsync(host, 1)).Single();
        using var http = host.ClientWithKey(CliHost.OperatorKey);
        (await http.PostAsJsonAsync("/api/sandbox/replies", new { citizenId = citizen.Id, channel = "Sms", text = "need help, stuck at a checkpoint" })).EnsureSuccessStatusCode();

        var list = await host.RunAsync(CliHost.ViewerKey, "cases", "list");
        var take = await host.RunAsync(CliHost.OperatorKey, "cases", "take");
        var nothing = await host.RunAsync(CliHost.OperatorKey, "cases", "take");
        var noNote = await host.RunAsync(CliHost.OperatorKey, "cases", "resolve", "1");
        var resolve = await host.RunAsync(CliHost.OperatorKey, "cases", "resolve", "1", "--note", "reached by phone");
        var again = await host.RunAsync(CliHost.OperatorKey, "cases", "resolve", "1", "--note", "false alarm");

        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Matches(@"│ 1\s+│ Citizen 0\s+│ \+\*{9}000", list.Console);
        Assert.Equal(ExitCodes.Ok, take.ExitCode);
        Assert.Contains("case 1 Assigned, with duty-officer", take.Console);
        Assert.Contains("Citizen 0 +380500000000", take.Console);
        Assert.Contains("stuck at a checkpoint", take.Console);
        Assert.Equal(ExitCodes.Failed, nothing.ExitCode);
        Assert.Contains("No case is waiting", nothing.Error);
        Assert.Equal(ExitCodes.Usage, noNote.ExitCode);
        Assert.Equal(ExitCodes.Ok, resolve.ExitCode);
        Assert.Contains("case 1 Resolved", resolve.Console);
        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Contains("already resolved by duty-officer", again.Error);
    }

    [Fact]
    public async Task A_large_live_advisory_waits_until_a_second_operator_approves_it_from_the_cli()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var host = await CliHost.StartAsync(new()
        {
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
        });
        await AddCitizensAsync(host, 51);

        var asked = await host.RunAsync(CliHost.OperatorKey, "broadcast", "advisory", "--channels", "Telegram");
        var id = asked.Console.Split(' ', '\n').SkipWhile(w => w != "broadcast").Skip(1).First();
        var own = await host.RunAsync(CliHost.OperatorKey, "broadcast", "approve", id);
        var approve = await host.RunAsync(CliHost.SecondOperatorKey, "broadcast", "approve", id, "--wait");
        var twice = await host.RunAsync(CliHost.SecondOperatorKey, "broadcast", "reject", id);

        Assert.Contains("waits for a second operator", asked.Console);
        Assert.Equal(ExitCodes.Refused, own.ExitCode);
        Assert.Contains("another operator", own.Error);
        Assert.Equal(ExitCodes.Ok, approve.ExitCode);
        Assert.Contains("Advisory asked for by duty-officer", approve.Console);
        Assert.Contains("recipients 51: 51 by Telegram", approve.Console);
        Assert.Contains("approved: now Queued", approve.Console);
        Assert.Equal(ExitCodes.Failed, twice.ExitCode);
        Assert.Contains("already approved by second-officer", twice.Error);
        Assert.Equal(51, telegram.SentMessages.Count);
    }

    [Theory]
    [InlineData("cases list --help")]
    [InlineData("cases take --help")]
    [InlineData("cases resolve --help")]
    [InlineData("broadcast approve --help")]
    [InlineData("broadcast reject --help")]
    public async Task The_new_commands_have_help(string args)
    {
        await using var host = await CliHost.StartAsync();

        var run = await host.RunAsync(null, args.Split(' '));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("USAGE", run.Console);
    }
}
