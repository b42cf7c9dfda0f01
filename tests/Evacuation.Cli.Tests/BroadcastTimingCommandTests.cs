using Evacuation.Cli;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Cli.Tests;

/// <summary><c>evac broadcast</c>'s time to reach everyone, <c>--urgent</c> and <c>--expires-at</c>.</summary>
public sealed class BroadcastTimingCommandTests : IAsyncLifetime
{
    CliHost host = null!;

    // One SMS segment a second, so a few dozen advisories take minutes.
    public async ValueTask InitializeAsync() =>
        host = await CliHost.StartAsync(new() { ["Deliveries:Pacing"] = "true", ["Twilio:SegmentsPerSecond"] = "1" });

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    async Task ImportSmsCitizensAsync(int count)
    {
        string[] languages = ["en", "he", "ru", "uk"];
        var path = Path.Combine(Path.GetTempPath(), $"evac-cli-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["externalId,name,phone,telegramChatId,language,region,householdSize",
            .. Enumerable.Range(0, count).Select(n => $"c{n},Citizen {n},+38050{n:D7},,{languages[n % 4]},Lviv,2")]);
        try
        {
            Assert.Equal(0, (await host.RunAsync(CliHost.OperatorKey, "citizens", "import", path)).ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_dry_run_says_how_long_reaching_everyone_takes_and_how_many_the_expiry_leaves_out()
    {
        await ImportSmsCitizensAsync(80);

        var run = await host.RunAsync(CliHost.OperatorKey, "broadcast", "advisory", "--expires-at", "1m", "--dry-run");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"sms: about 0:0[2-9]:\d\d to reach everyone", run.Console);
        Assert.Matches(@"warning: sms: \d+ of 80 recipients would not be reached before expiresAt", run.Console);
    }

    [Fact]
    public async Task An_urgent_broadcast_with_an_expiry_is_stored_with_both()
    {
        await ImportSmsCitizensAsync(2);
        var before = DateTimeOffset.UtcNow;

        var run = await host.RunAsync(CliHost.OperatorKey, "broadcast", "route", "--urgent", "--expires-at", "2h");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        await using var db = host.Open();
        var broadcast = await db.Broadcasts.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Evacuation.Core.Deliveries.DeliveryPriority.Urgent, broadcast.Priority);
        Assert.InRange(broadcast.ExpiresAt!.Value, before.UtcDateTime.AddHours(2).AddMinutes(-1), before.UtcDateTime.AddHours(2).AddMinutes(1));
    }

    [Fact]
    public async Task An_expiry_without_its_offset_is_a_usage_error_that_says_what_to_type()
    {
        var run = await host.RunAsync(CliHost.OperatorKey, "broadcast", "advisory", "--expires-at", "18:00", "--dry-run");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--expires-at '18:00' is neither a time with its offset", run.Error);
    }

    public static TheoryData<string, string?> Expiries => new()
    {
        { "90m", "2026-12-06T01:30:00+00:00" },
        { "2h", "2026-12-06T02:00:00+00:00" },
        { "1d", "2026-12-07T00:00:00+00:00" },
        { "2026-12-06T18:00+02:00", "2026-12-06T16:00:00+00:00" },
        { "2026-12-06T18:00:00Z", "2026-12-06T18:00:00+00:00" },
        { "18:00", null },
        { "2026-12-06T18:00", null },
        { "0h", null },
        { "soon", null },
    };

    [Theory]
    [MemberData(nameof(Expiries))]
    public void Expiries_are_an_instant_with_its_offset_or_a_time_from_now(string text, string? meant)
    {
        var now = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        var at = ExpiryOption.Parse(text, now, out var error);

        Assert.Equal(meant, at?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(meant is null, error is not null);
    }
}
