using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Channels;
using Evacuation.Core.Cluster;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Cluster;

/// <summary>
/// Two nodes as an operator runs them: the service's own executable twice, as separate processes on one PostgreSQL
/// database, with the fake Telegram API. Each role has one holder; after the sending node's <c>kill -9</c> the other
/// takes the roles and sends. Every wait is bounded, the whole test well under a minute.
/// </summary>
public sealed class TwoProcessTests
{
    static readonly TimeSpan Starting = TimeSpan.FromSeconds(40);
    static readonly string Sender = RoleNames.SenderOf(ChannelKind.Telegram);

    [Fact]
    public async Task Two_node_processes_hold_each_role_once_and_the_survivor_of_a_kill_takes_over_and_sends()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await (await database.OpenMigratedAsync()).DisposeAsync(); // migrated first: the two nodes do not race to create it
        var folder = Directory.CreateTempSubdirectory("evac-two-nodes-");
        await using var a = ServiceProcess.Start(StartupPaths.HostDll(), folder.FullName, Settings(database, telegram, "a"));
        await using var b = ServiceProcess.Start(StartupPaths.HostDll(), folder.FullName, Settings(database, telegram, "b"));
        Assert.True(await a.UntilAnsweringAsync(Starting, limit.Token), "node a did not start:\n" + string.Join('\n', a.Output.TakeLast(30)));
        Assert.True(await b.UntilAnsweringAsync(Starting, limit.Token), "node b did not start:\n" + string.Join('\n', b.Output.TakeLast(30)));

        var holders = await UntilAsync(() => HoldersAsync(database), h => h.Count == RoleNames.All.Count, "every role to be held", limit.Token);
        Assert.All(RoleNames.All, role => Assert.Contains(holders[role], new[] { "a", "b" }));
        var (sender, survivor) = holders[Sender] == "a" ? (a, b) : (b, a);
        var survivorName = holders[Sender] == "a" ? "b" : "a";

        await sender.KillAsync();
        await UntilAsync(() => HoldersAsync(database), h => h.GetValueOrDefault(Sender) == survivorName, "the survivor to take the sending role", limit.Token);
        await using (var db = database.Open())
        {
            db.Citizens.AddRange(Enumerable.Range(0, 5).Select(n => new Evacuation.Core.Citizens.Citizen
            {
                Name = $"Citizen {n}", TelegramChatId = 5000 + n, Language = "en", Region = "Lviv",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync(limit.Token);
        }
        using var client = new HttpClient { BaseAddress = new Uri(survivor.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Operator);
        var accepted = await client.PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory", channels = "Telegram" }, limit.Token);
        Assert.Equal(202, (int)accepted.StatusCode);

        await telegram.WhenRequests(1, limit.Token);
        await UntilAsync(() => Task.FromResult(telegram.SentMessages.Count), n => n >= 5, "the survivor to send the advisory", limit.Token);
        Assert.Equal(5, telegram.SentMessages.Select(m => m.ChatId).Distinct().Count());
        folder.Delete(recursive: true);
    }

    static Dictionary<string, string?> Settings(TestDatabase database, FakeTelegramServer telegram, string name)
    {
        var settings = TestKeys.Settings();
        foreach (var (key, value) in Providers.LiveAgainst(telegram, null))
        {
            settings[key] = value;
        }
        settings["Storage:Provider"] = "Postgres";
        settings["ConnectionStrings:Evacuation"] = database.ConnectionString;
        settings["Cluster:NodeName"] = name;
        settings["Cluster:Heartbeat"] = "00:00:00.200";
        settings["Cluster:RoleLease"] = "00:00:01";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information";
        settings["Logging:LogLevel:Evacuation.Host.Cluster"] = "Information";
        return settings;
    }

    static async Task<Dictionary<string, string>> HoldersAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var rows = await db.Database.SqlQueryRaw<RoleHolder>("""SELECT "Role", "Holder" FROM cluster_roles WHERE "ExpiresAt" > now()""").ToListAsync();
        return rows.ToDictionary(r => r.Role, r => r.Holder);
    }

    sealed record RoleHolder(string Role, string Holder);

    static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still waiting for {what}");
            }
        }
    }
}
