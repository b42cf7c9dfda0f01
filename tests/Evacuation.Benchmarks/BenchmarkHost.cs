using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Benchmarks;

/// <summary>
/// The whole service in this process over a fresh SQLite file, on the real clock, with one operator key.
/// Shared by the delivery benchmarks. (The factory is keyed on a type of the service's assembly rather than
/// <c>Program</c>, which this project has too.)
/// </summary>
public sealed class BenchmarkHost : WebApplicationFactory<Evacuation.Host.Deliveries.DeliveryPulse>
{
    public const string OperatorKey = "benchmark-operator-key-0123456789abcdef";

    readonly Dictionary<string, string?> settings;
    readonly Action<IServiceCollection>? services;

    BenchmarkHost(string folder, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        Folder = folder;
        this.settings = settings;
        this.services = services;
    }

    public string Folder { get; }

    public string ConnectionString => settings["ConnectionStrings:Evacuation"]!;

    /// <summary>Creates the database with <paramref name="citizens"/> citizens (three in four on Telegram, all with a phone), then starts the service.</summary>
    public static async Task<BenchmarkHost> StartAsync(int citizens, Dictionary<string, string?> extra, bool allOnTelegram = false, Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("evac-bench-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "evacuation.db") }.ToString();
        await SeedAsync(connectionString, citizens, allOnTelegram);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:Evacuation"] = connectionString,
            ["Operators:ApiKeys:0:Name"] = "benchmark",
            ["Operators:ApiKeys:0:Key"] = OperatorKey,
            ["Operators:ApiKeys:0:Role"] = "Operator",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            // One operator measures sending speed: large live broadcasts go out without waiting for a second one.
            ["Broadcasts:ApprovalThreshold"] = "100000000",
            // The inbound benchmarks post thousands of webhooks a second from one address: measured, not limited.
            ["Limits:PerAddressPerMinute"] = "100000000",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        // The factory looks for the service's project folder next to the solution; the built files here will do.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EVACUATION_HOST", AppContext.BaseDirectory);
        var host = new BenchmarkHost(folder, settings, services);
        _ = host.Server;
        return host;
    }

    /// <summary>Citizen n: chat id 1000+n (for one in four, none unless <paramref name="allOnTelegram"/>); phone +38050nnnnnnn; languages in turn.</summary>
    public static async Task SeedAsync(string connectionString, int count, bool allOnTelegram)
    {
        var options = new DbContextOptionsBuilder<SqliteEvacuationDb>().UseSqlite(connectionString).Options;
        await using (var db = new SqliteEvacuationDb(options))
        {
            await Storage.PrepareAsync(db, CancellationToken.None);
        }
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += 10_000)
        {
            await using var db = new SqliteEvacuationDb(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Citizens.AddRange(Enumerable.Range(start, Math.Min(10_000, count - start)).Select(n => new Citizen
            {
                Name = $"Citizen {n}",
                Phone = $"+38050{n:D7}",
                TelegramChatId = allOnTelegram || n % 4 != 0 ? 1000 + n : null,
                Language = Language.All[n % 4],
                Region = "Lviv",
                CreatedAt = now,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Waits until the service has finished starting: its background work (migrations checked, schedulers, workers'
    /// first queries, the JIT compiling them) takes about a second of CPU in the first two seconds. A benchmark that
    /// started at once would time that too. Done when a half-second window uses under a fifth of one core (at most 10 s).
    /// </summary>
    public static async Task<TimeSpan> SettleAsync()
    {
        var clock = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            await Task.Delay(500);
            process.Refresh();
            if ((process.TotalProcessorTime - before).TotalMilliseconds < 100)
            {
                break;
            }
        }
        return clock.Elapsed;
    }

    public SqliteEvacuationDb OpenDb() =>
        new(new DbContextOptionsBuilder<SqliteEvacuationDb>().UseSqlite(ConnectionString).Options);

    public async Task<Guid> BroadcastAsync(object request)
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        var response = await client.PostAsJsonAsync("/api/broadcasts", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"broadcast refused: {(int)response.StatusCode} {body}");
        }
        return Guid.Parse(body.GetProperty("id").GetString()!);
    }

    /// <summary>Looks at the database every 20 ms until <paramref name="done"/> holds; benchmarks only, where a poll costs nothing measured.</summary>
    public async Task<TimeSpan> UntilAsync(Func<SqliteEvacuationDb, Task<bool>> done, Stopwatch clock, TimeSpan limit)
    {
        while (clock.Elapsed < limit)
        {
            await using (var db = OpenDb())
            {
                if (await done(db))
                {
                    return clock.Elapsed;
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"not done after {limit}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Benchmark");
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    public static double PeakMegabytes => Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
}
