using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Fakes;
using Evacuation.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// Dispatch with pacing off as real providers see it: the service as its own process (<c>dotnet Evacuation.Host.dll</c>,
/// SQLite) and both fakes as another (<c>dotnet Evacuation.Fakes.dll</c>), so neither shares the other's CPU time
/// accounting or thread pool. An Advisory to <c>messages</c> Telegram citizens; the rate is counted from the fake's
/// arrival times (first to last), the cost as the service process's CPU time (user and kernel) from the POST until
/// the broadcast is completed, divided by the messages. Target: 2,000 messages/s on this 2-core machine.
/// </summary>
public static class RemoteBenchmark
{
    public static async Task<int> RunAsync(int messages = 20_000)
    {
        var folder = Directory.CreateTempSubdirectory("evac-remote-");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "evacuation.db") }.ToString();
        await BenchmarkHost.SeedAsync(connectionString, messages, allOnTelegram: true);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Evacuation.Fakes.dll"));
        using var fakes = Process.Start(start)!;
        try
        {
            var ready = await fakes.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the fakes did not start");
            var urls = ready.Split(' ').Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            await using var service = ServiceProcess.Start(Path.Combine(AppContext.BaseDirectory, "Evacuation.Host.dll"), folder.FullName, new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["ConnectionStrings:Evacuation"] = connectionString,
                ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
                ["Telegram:ApiBaseUrl"] = urls["telegram"],
                ["Deliveries:Pacing"] = "false",
                ["Broadcasts:ApprovalThreshold"] = "100000000",
                ["Operators:ApiKeys:0:Name"] = "benchmark",
                ["Operators:ApiKeys:0:Key"] = BenchmarkHost.OperatorKey,
                ["Operators:ApiKeys:0:Role"] = "Operator",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            if (!await service.UntilAnsweringAsync(TimeSpan.FromSeconds(90)))
            {
                throw new InvalidOperationException("the service did not start:\n" + string.Join('\n', service.Output.TakeLast(20)));
            }
            await Task.Delay(3_000); // its start-up work (schedulers, first queries, JIT) is not the run's
            return await MeasureAsync(service, fakes, connectionString, messages);
        }
        finally
        {
            fakes.StandardInput.Close();
            if (!fakes.WaitForExit(5_000))
            {
                fakes.Kill(entireProcessTree: true);
            }
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    static async Task<int> MeasureAsync(ServiceProcess service, Process fakes, string connectionString, int messages)
    {
        using var client = new HttpClient { BaseAddress = new Uri(service.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkHost.OperatorKey);
        var cpuBefore = service.ProcessorTime;
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory", channels = "Telegram" });
        var id = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        var options = new DbContextOptionsBuilder<Evacuation.Data.SqliteEvacuationDb>().UseSqlite(connectionString).Options;
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await using var db = new Evacuation.Data.SqliteEvacuationDb(options);
            if (await db.Broadcasts.AnyAsync(b => b.Id == id && b.State == BroadcastState.Completed))
            {
                break;
            }
            await Task.Delay(50);
        }
        var completed = clock.Elapsed;
        var cpu = service.ProcessorTime - cpuBefore;

        await fakes.StandardInput.WriteLineAsync("sends");
        await fakes.StandardInput.FlushAsync();
        var sends = JsonSerializer.Deserialize<List<FakeSend>>(await fakes.StandardOutput.ReadLineAsync() ?? "[]") ?? [];
        var distinct = sends.Select(s => s.To).Distinct().Count();
        var rate = sends.Count > 1 ? (sends.Count - 1) / (sends[^1].At - sends[0].At).TotalSeconds : 0;
        Console.WriteLine($"remote: {messages:N0} Telegram messages, pacing off, service and fakes as separate processes: {rate:N0} messages/s "
            + $"(first to last arrival at the fake; POST to completed {completed.TotalSeconds:F2} s = {messages / completed.TotalSeconds:N0}/s); "
            + $"service CPU {cpu.TotalSeconds:F2} s = {cpu.TotalMicroseconds / messages:F0} µs a message ({cpu.TotalSeconds / completed.TotalSeconds:F2} cores busy); "
            + $"{distinct:N0} citizens reached, {sends.Count - distinct} duplicates");
        return distinct == messages && sends.Count == messages && rate >= 2_000 ? 0 : 1;
    }
}
