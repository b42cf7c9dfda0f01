using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// Crash safety: the real service executable sends an Advisory to <c>recipients</c> Telegram citizens; after a
/// third of the requests it is killed with SIGKILL (<c>kill -9</c>) and started again on the same database.
/// Reports recipients lost (target 0) and duplicates (target: no more than the requests in flight at the kill),
/// and each process's peak working set.
/// </summary>
public static class CrashBenchmark
{
    public static async Task<int> RunAsync(int recipients = 10_000)
    {
        var folder = Directory.CreateTempSubdirectory("evac-bench-crash-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "evacuation.db") }.ToString();
        await BenchmarkHost.SeedAsync(connectionString, recipients, allOnTelegram: true);
        await using var telegram = await FakeTelegramServer.StartAsync();
        var port = FreePort();
        var clock = Stopwatch.StartNew();

        using var first = Start(connectionString, telegram, port);
        await UntilHealthyAsync(port);
        var id = await BroadcastAsync(port);
        await telegram.WhenRequests(recipients / 3).WaitAsync(TimeSpan.FromMinutes(2));
        var firstPeak = PeakMegabytes(first);
        first.Kill();
        await first.WaitForExitAsync();
        var killedAt = clock.Elapsed;
        var requestsAtKill = telegram.SentMessages.Count;
        var claimedAtKill = await CountAsync(connectionString, id, DeliveryState.Sending);

        using var second = Start(connectionString, telegram, port);
        await UntilHealthyAsync(port);
        await UntilCompletedAsync(connectionString, id, TimeSpan.FromMinutes(5));
        var completed = clock.Elapsed;
        var secondPeak = PeakMegabytes(second);
        second.Kill();
        await second.WaitForExitAsync();

        var sent = telegram.SentMessages;
        var distinct = sent.Select(r => r.ChatId).Distinct().Count();
        var lost = recipients - distinct;
        var duplicates = sent.Count - distinct;
        var notSent = await CountAsync(connectionString, id, DeliveryState.Pending) + await CountAsync(connectionString, id, DeliveryState.Sending);
        Console.WriteLine($"crash: kill -9 after {requestsAtKill:N0} of {recipients:N0} requests ({killedAt.TotalSeconds:F1} s), {claimedAtKill} claims open at the kill; "
            + $"restarted and completed in {(completed - killedAt).TotalSeconds:F1} s; lost {lost}, duplicates {duplicates}, rows not sent {notSent}; "
            + $"peak working set {firstPeak:F0} MB / {secondPeak:F0} MB");
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return lost == 0 && notSent == 0 && duplicates <= claimedAtKill ? 0 : 1;
    }

    static Process Start(string connectionString, FakeTelegramServer telegram, int port)
    {
        var start = new ProcessStartInfo("dotnet", ["Evacuation.Host.dll", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Evacuation"] = connectionString,
            ["Storage__Provider"] = "Sqlite",
            ["Telegram__BotToken"] = telegram.Token,
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram__MessagesPerSecond"] = "1000",
            ["Deliveries__Lease"] = "00:00:05",
            ["Broadcasts__ApprovalThreshold"] = "100000000",
            ["Operators__ApiKeys__0__Name"] = "benchmark",
            ["Operators__ApiKeys__0__Key"] = BenchmarkHost.OperatorKey,
            ["Operators__ApiKeys__0__Role"] = "Operator",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("the service did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  service: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static async Task UntilHealthyAsync(int port)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the service never became healthy");
    }

    static async Task<Guid> BroadcastAsync(int port)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkHost.OperatorKey);
        var response = await http.PostAsJsonAsync(new Uri($"http://127.0.0.1:{port}/api/broadcasts"), new { kind = "Advisory", channels = "Telegram" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Guid.Parse(body.GetProperty("id").GetString()!);
    }

    static async Task UntilCompletedAsync(string connectionString, Guid id, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            await using var db = Open(connectionString);
            if (await db.Broadcasts.AnyAsync(b => b.Id == id && b.State == BroadcastState.Completed))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the broadcast did not complete after the restart");
    }

    static async Task<int> CountAsync(string connectionString, Guid id, DeliveryState state)
    {
        await using var db = Open(connectionString);
        return await db.Deliveries.CountAsync(d => d.BroadcastId == id && d.State == state);
    }

    static SqliteEvacuationDb Open(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteEvacuationDb>().UseSqlite(connectionString).Options);

    static double PeakMegabytes(Process process)
    {
        process.Refresh();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
