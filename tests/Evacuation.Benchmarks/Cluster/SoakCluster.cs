using System.Diagnostics;
using System.Text.Json;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Evacuation.Benchmarks.Cluster;

/// <summary>
/// What the soak runs: a fresh PostgreSQL database, the fakes as their own process, three nodes (the service's
/// executable, separate processes) on one database, each with the same settings. Disposing kills them all and drops
/// the database.
/// </summary>
public sealed class SoakCluster : IAsyncDisposable
{
    public const string OperatorKey = "soak-operator-key-0123456789abcdef-0123";
    public const string AdminKey = "soak-admin-key-0123456789abcdef-0123456";
    public const string PublicBaseUrl = "https://evac.example.org";
    public const string Crossing = "shehyni-medyka";

    readonly string server;
    readonly string name;
    readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("evac-soak-");
    Process? fakes;

    SoakCluster(string server, string name, string connectionString)
    {
        this.server = server;
        this.name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public List<ServiceProcess> Nodes { get; } = [];
    public int TelegramRate { get; init; } = 100;

    /// <summary>Which node talks to the fake Telegram server through which of its ports (<see cref="FakeSend.Port"/>).</summary>
    public Dictionary<int, string> NodeByPort { get; } = [];

    public static async Task<SoakCluster> CreateAsync(string server)
    {
        var name = "evac_soak_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }
        return new SoakCluster(server, name, new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 30 }.ConnectionString);
    }

    public PostgresEvacuationDb Open() => new(new DbContextOptionsBuilder<PostgresEvacuationDb>().UseNpgsql(ConnectionString).Options);

    /// <summary>Migrates and adds the citizens: <paramref name="telegram"/> on Telegram, <paramref name="sms"/> by SMS only; all English, in Lviv, sent to <see cref="Crossing"/>.</summary>
    public async Task SeedAsync(int telegram, int sms)
    {
        await using var db = Open();
        await Storage.PrepareAsync(db, CancellationToken.None);
        var now = DateTime.UtcNow;
        db.Citizens.AddRange(Enumerable.Range(0, telegram + sms).Select(n => new Citizen
        {
            Name = $"Citizen {n}", Language = "en", Region = "Lviv", AssignedCrossing = Crossing, CreatedAt = now, UpdatedAt = now,
            TelegramChatId = n < telegram ? 100_000 + n : null, Phone = n < telegram ? null : $"+38050{n:D7}",
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>Starts the fakes' program and <paramref name="count"/> nodes; waits until every node answers.</summary>
    public async Task StartAsync(int count)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Evacuation.Fakes.dll"));
        // Each node its own port on the fake Telegram server, so its log tells which node sent each message.
        foreach (var argument in new[] { "0", "0", count.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        fakes = Process.Start(start)!;
        var ready = await fakes.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the fakes did not start");
        var urls = ready.Split(' ').Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var doors = urls["doors"].Split(',');
        for (var n = 1; n <= count; n++)
        {
            NodeByPort[new Uri(doors[n - 1]).Port] = $"n{n}";
            Nodes.Add(ServiceProcess.Start(Path.Combine(AppContext.BaseDirectory, "Evacuation.Host.dll"), folder.FullName, Settings($"n{n}", doors[n - 1], urls["twilio"])));
        }
        foreach (var node in Nodes)
        {
            if (!await node.UntilAnsweringAsync(TimeSpan.FromSeconds(90)))
            {
                throw new InvalidOperationException("a node did not start:\n" + string.Join('\n', node.Output.TakeLast(20)));
            }
        }
    }

    Dictionary<string, string?> Settings(string node, string telegram, string twilio) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Evacuation"] = ConnectionString,
        ["Cluster:NodeName"] = node,
        ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
        ["Telegram:ApiBaseUrl"] = telegram,
        ["Telegram:MessagesPerSecond"] = TelegramRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Twilio:AccountSid"] = FakeTwilioServer.DefaultAccountSid,
        ["Twilio:AuthToken"] = FakeTwilioServer.DefaultAuthToken,
        ["Twilio:FromNumber"] = "+15005550006",
        ["Twilio:ApiBaseUrl"] = twilio,
        ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
        ["Twilio:SegmentsPerSecond"] = "100",
        ["Broadcasts:ApprovalThreshold"] = "100000000",
        ["Limits:PerAddressPerMinute"] = "100000000",
        ["Limits:PerKeyPerMinute"] = "100000000",
        ["Operators:ApiKeys:0:Name"] = "soak-operator",
        ["Operators:ApiKeys:0:Key"] = OperatorKey,
        ["Operators:ApiKeys:0:Role"] = "Operator",
        ["Operators:ApiKeys:1:Name"] = "soak-admin",
        ["Operators:ApiKeys:1:Key"] = AdminKey,
        ["Operators:ApiKeys:1:Role"] = "Admin",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Every message the fake providers accepted so far, with its arrival time.</summary>
    public async Task<List<FakeSend>> SendsAsync()
    {
        await fakes!.StandardInput.WriteLineAsync("sends");
        await fakes.StandardInput.FlushAsync();
        var line = await fakes.StandardOutput.ReadLineAsync() ?? "[]";
        return JsonSerializer.Deserialize<List<FakeSend>>(line) ?? [];
    }

    /// <summary>Who holds each role now (by the database's clock).</summary>
    public async Task<Dictionary<string, string>> HoldersAsync()
    {
        await using var db = Open();
        var rows = await db.Database.SqlQueryRaw<RoleHolder>("""SELECT "Role", "Holder" FROM cluster_roles WHERE "ExpiresAt" > now()""").ToListAsync();
        return rows.ToDictionary(r => r.Role, r => r.Holder);
    }

    sealed record RoleHolder(string Role, string Holder);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }
        if (fakes is not null)
        {
            fakes.StandardInput.Close();
            if (!fakes.WaitForExit(5_000))
            {
                fakes.Kill(entireProcessTree: true);
            }
            fakes.Dispose();
        }
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
        folder.Delete(recursive: true);
    }
}
