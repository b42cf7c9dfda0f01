using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks.Reads;

/// <summary>
/// What dashboards poll, at scale: <c>count</c> citizens and one <c>count</c>-recipient advisory still sending (seeded
/// by <see cref="ReadsSeed"/>), then <see cref="Pollers"/> callers each asking <c>GET /api/stats</c> and
/// <c>GET /api/broadcasts/{id}</c> every <see cref="Every"/> (eight times as often as the dashboard) for <see cref="Duration"/>. Reports the first (counting) call,
/// then p50/p99/max of each endpoint and the oldest <c>asOf</c> served. Target: p99 under 100 ms.
/// </summary>
public static class ReadsBenchmark
{
    const int Pollers = 20;
    static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);
    static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(int count, string? postgresServer)
    {
        if (postgresServer is null)
        {
            Console.WriteLine("reads on PostgreSQL: skipped (set EVAC_TEST_POSTGRES or pass --postgres CONNECTION)");
            return await RunOnAsync(StorageProvider.Sqlite, count, null);
        }
        return await RunOnAsync(StorageProvider.Postgres, count, postgresServer) + await RunOnAsync(StorageProvider.Sqlite, count, null);
    }

    static async Task<int> RunOnAsync(StorageProvider provider, int count, string? postgresServer)
    {
        await using var seed = await ReadsSeed.CreateAsync(provider, postgresServer);
        var clock = Stopwatch.StartNew();
        var broadcastId = await seed.FillAsync(count);
        var seeded = clock.Elapsed;
        await using var host = BenchmarkHost.StartOn(Path.Combine(seed.Folder, "host"), provider, seed.ConnectionString, new()
        {
            // Twenty dashboards would have keys of their own; here one key asks for all of them.
            ["Limits:PerKeyPerMinute"] = "100000000",
        });
        await BenchmarkHost.SettleAsync();
        var (changes, caughtUp) = await CatchUpAsync(seed);
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkHost.OperatorKey);
        var stats = $"/api/stats";
        var broadcast = $"/api/broadcasts/{broadcastId}";

        var firstStats = await TimeAsync(client, stats);
        var firstBroadcast = await TimeAsync(client, broadcast);
        var results = await Task.WhenAll(Enumerable.Range(0, Pollers).Select(_ => PollAsync(client, stats, broadcast)));
        var statsTimes = results.SelectMany(r => r.Stats).Order().ToList();
        var broadcastTimes = results.SelectMany(r => r.Broadcast).Order().ToList();
        var oldest = results.Max(r => r.OldestAnswer);
        Console.WriteLine($"reads on {provider}: {count:N0} citizens and a {count:N0}-recipient broadcast seeded in {seeded.TotalSeconds:F0} s; "
            + $"counters folded {changes:N0} recorded changes in {caughtUp.TotalSeconds:F0} s; first call (counts) stats {firstStats.TotalSeconds:F2} s, broadcast {firstBroadcast.TotalSeconds:F2} s; {Pollers} pollers each every {Every.TotalMilliseconds:F0} ms for {Duration.TotalSeconds:F0} s: "
            + $"stats {Describe(statsTimes)}; broadcast {Describe(broadcastTimes)}; oldest answer served {oldest.TotalSeconds:F1} s after its asOf");

        await CatchUpAsync(seed);
        var last = await client.GetFromJsonAsync<JsonElement>(broadcast);
        var recipients = last.GetProperty("recipients").GetInt64();
        var accounted = new[] { "pending", "sent", "failed", "cancelled" }.Sum(p => last.GetProperty(p).GetInt64());
        var citizens = (await client.GetFromJsonAsync<JsonElement>(stats)).GetProperty("citizens").GetInt64();
        var wrong = recipients != count || accounted != count || citizens != count;
        if (wrong)
        {
            Console.WriteLine($"reads on {provider} WRONG: recipients {recipients}, pending+sent+failed+cancelled {accounted}, citizens {citizens}");
        }
        return wrong ? 1 : 0;
    }

    /// <summary>Waits until the service has folded every change the seed's triggers recorded (the backfill an upgrade would do).</summary>
    static async Task<(long Changes, TimeSpan Took)> CatchUpAsync(ReadsSeed seed)
    {
        await using var db = seed.Open();
        var changes = await db.CountChanges.LongCountAsync();
        var clock = Stopwatch.StartNew();
        while (await db.CountChanges.AnyAsync())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        return (changes, clock.Elapsed);
    }

    sealed record Polled(List<double> Stats, List<double> Broadcast, TimeSpan OldestAnswer);

    static async Task<Polled> PollAsync(HttpClient client, string stats, string broadcast)
    {
        var (statsTimes, broadcastTimes, oldest) = (new List<double>(), new List<double>(), TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        for (var round = 0; clock.Elapsed < Duration; round++)
        {
            var due = Every * round - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
            foreach (var (path, times) in new[] { (stats, statsTimes), (broadcast, broadcastTimes) })
            {
                var started = clock.Elapsed;
                var body = await client.GetFromJsonAsync<JsonElement>(path);
                times.Add((clock.Elapsed - started).TotalMilliseconds);
                var age = DateTime.UtcNow - body.GetProperty("asOf").GetDateTime().ToUniversalTime();
                oldest = age > oldest ? age : oldest;
            }
        }
        return new Polled(statsTimes, broadcastTimes, oldest);
    }

    static async Task<TimeSpan> TimeAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        return clock.Elapsed;
    }

    static string Describe(List<double> sorted) =>
        $"{sorted.Count:N0} calls, p50 {At(sorted, 0.50):F1} ms, p99 {At(sorted, 0.99):F1} ms, max {sorted[^1]:F1} ms";

    static double At(List<double> sorted, double quantile) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(quantile * sorted.Count))];
}
