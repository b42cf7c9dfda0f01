using System.Net.Http.Json;
using System.Diagnostics;
using Evacuation.Core.Broadcasts;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// <c>POST /api/broadcasts</c> of an Advisory to <c>recipients</c> citizens on SQLite, both channels live against
/// the loopback fakes at their default pacing. Reports how long until the first provider request (target: within
/// 1 s) and until every delivery row is written (target: 100,000 in at most 3 s), and the peak working set.
/// </summary>
public static class FanOutBenchmark
{
    public static async Task<int> RunAsync(int recipients = 100_000)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var host = await BenchmarkHost.StartAsync(recipients, new()
        {
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:AuthToken"] = twilio.AuthToken,
            ["Twilio:FromNumber"] = "+15005550006",
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
        });

        // As the dashboard does it: a dry run (which also warms the service up), then the real thing, timed.
        using (var client = host.CreateClient())
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BenchmarkHost.OperatorKey);
            using var dryRun = await client.PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory", channels = "Preferred", dryRun = true });
            dryRun.EnsureSuccessStatusCode();
        }
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var id = await host.BroadcastAsync(new { kind = "Advisory", channels = "Preferred" });
        var accepted = clock.Elapsed;
        var first = Task.WhenAny(telegram.WhenRequests(1), twilio.WhenRequests(1)).ContinueWith(_ => clock.Elapsed, TaskScheduler.Default);
        var fannedOut = await host.UntilAsync(
            async db => await db.Broadcasts.AnyAsync(b => b.Id == id && b.FannedOutAt != null), clock, TimeSpan.FromMinutes(2));
        var firstRequest = await first.WaitAsync(TimeSpan.FromSeconds(30));
        await using var db = host.OpenDb();
        var rows = await db.Deliveries.CountAsync(d => d.BroadcastId == id);
        var state = await db.Broadcasts.Where(b => b.Id == id).Select(b => b.State).SingleAsync();
        Console.WriteLine($"fanout: {rows:N0} deliveries for {recipients:N0} recipients written in {fannedOut.TotalSeconds:F2} s "
            + $"({rows / fannedOut.TotalSeconds:N0} rows/s); 202 after {accepted.TotalMilliseconds:F0} ms; "
            + $"first provider request after {firstRequest.TotalMilliseconds:F0} ms; peak working set {BenchmarkHost.PeakMegabytes:F0} MB");
        return rows == recipients && state != BroadcastState.Cancelled ? 0 : 1;
    }
}
