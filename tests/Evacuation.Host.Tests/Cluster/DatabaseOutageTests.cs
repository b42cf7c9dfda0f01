using System.Net;
using Evacuation.Core.Channels;
using Evacuation.Core.Cluster;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Twilio;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace Evacuation.Host.Tests.Cluster;

/// <summary>
/// PostgreSQL out of reach of a node (its connections cut by <see cref="DatabaseLine"/>, the shared server untouched):
/// the node says so on <c>/health</c>, answers webhooks 503 so providers send them again, drops its roles, and when the
/// line is back takes its name's lock and its roles again and sends; nothing a citizen sent is lost. Every wait is
/// bounded, so a regression fails the test instead of hanging the run.
/// </summary>
public sealed class DatabaseOutageTests
{
    static readonly string SmsSender = RoleNames.SenderOf(ChannelKind.Sms);

    [Fact]
    public async Task A_node_cut_off_from_PostgreSQL_refuses_webhooks_with_503_then_takes_its_name_and_roles_back_and_answers()
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var line = DatabaseLine.To(database.ConnectionString);
        var settings = Nodes.Settings("a", Providers.LiveAgainst(null, twilio));
        settings["ConnectionStrings:Evacuation"] = line.ConnectionString;
        await using var node = EvacuationApp.StartOnServiceClock(database, settings);
        await Nodes.UntilHeldAsync(node, SmsSender);
        var citizen = (await node.AddCitizensAsync(1, telegram: false)).Single();
        var form = Inbound(twilio, citizen.Phone!);
        await UntilSchedulerRunsAsync(node);

        line.Cut();
        var health = await (await node.CreateClient().GetAsync("/health")).ReadJsonAsync();
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("unreachable", health.GetProperty("database").GetString());
        var refused = await PostAsync(node, twilio, form);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "a 503 for an outage says when to try again");
        await UntilAsync(() => node.Roles().Held.Count == 0, "the node to drop its roles");
        await UntilAsync(async () => await NameLocksAsync(database) == 0, "the server to end the cut session and its name's lock");

        line.Restore();
        await UntilAsync(async () => (await PostAsync(node, twilio, form)).StatusCode == HttpStatusCode.OK, "the webhook to be accepted again");
        await Nodes.UntilHeldAsync(node, SmsSender);
        Assert.Equal(1, await NameLocksAsync(database));
        await UntilAsync(() => twilio.Requests.Any(r => r.To == citizen.Phone), "the reply's acknowledgement to be sent");
        Assert.Equal(1, await node.WithDbAsync(db => db.Replies.CountAsync()));
    }

    [Fact]
    public async Task A_node_stopped_after_taking_its_name_back_lets_it_go_so_a_node_of_that_name_starts_at_once()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var line = DatabaseLine.To(database.ConnectionString);
        var settings = Nodes.Settings("a");
        settings["ConnectionStrings:Evacuation"] = line.ConnectionString;
        var node = EvacuationApp.StartOnServiceClock(database, settings);
        await using (node)
        {
            await Nodes.UntilHeldAsync(node, SmsSender);
            await UntilSchedulerRunsAsync(node);
            line.Cut();
            await UntilAsync(async () => node.Roles().Held.Count == 0 && await NameLocksAsync(database) == 0, "the node to lose its session and roles");
            line.Restore();
            await Nodes.UntilHeldAsync(node, SmsSender); // the heartbeat took the name again on a new session
        }

        // Stopped: no session of the node keeps the name (a pooled one did, idle in the process's connection pool).
        var holders = await LockHoldersAsync(database);
        Assert.True(holders.Count == 0, "still held by: " + string.Join("; ", holders));
        await using var restarted = EvacuationApp.StartOn(database, Nodes.Settings("a"));
        await Nodes.UntilHeldAsync(restarted, SmsSender);
    }

    static List<KeyValuePair<string, string>> Inbound(FakeTwilioServer twilio, string from) =>
    [
        new("AccountSid", twilio.AccountSid), new("Body", "1"), new("From", from), new("MessageSid", "SM" + new string('c', 32)),
        new("NumMedia", "0"), new("To", "+15005550006"),
    ];

    static async Task<HttpResponseMessage> PostAsync(EvacuationApp node, FakeTwilioServer twilio, List<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioEndpoints.InboundSmsPath) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", FakeTwilioServer.Sign(twilio.AuthToken, Providers.PublicBaseUrl + TwilioEndpoints.InboundSmsPath, form));
        return await node.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Quartz starts in the background once the service has started, and its first cluster check-in retries through
    /// an outage; stopped in that window, its cluster manager (never set up) fails the host's stop. So the line is cut
    /// only once the scheduler runs, which is what the tests are about: a node that was up loses its database.
    /// </summary>
    static async Task UntilSchedulerRunsAsync(EvacuationApp node)
    {
        var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        await UntilAsync(() => scheduler.Status == SchedulerStatus.Running, "the scheduler to run");
    }

    /// <summary>Node names' locks held on the test's database.</summary>
    static async Task<long> NameLocksAsync(TestDatabase database) => (await LockHoldersAsync(database)).Count;

    /// <summary>
    /// The node sessions holding an advisory lock on the test's database (the sessions that hold a node's name; other
    /// advisory locks are a transaction's and end with it), with their state and last query.
    /// </summary>
    static async Task<List<string>> LockHoldersAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT a.application_name || ' (pid ' || a.pid || ', ' || a.state || ' since ' || a.state_change || '): ' || a.query
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND a.application_name LIKE 'evacuation session %'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var holders = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            holders.Add(reader.GetString(0));
        }
        return holders;
    }

    static Task UntilAsync(Func<bool> done, string what) => UntilAsync(() => Task.FromResult(done()), what);

    /// <summary>Checks every 100 ms for at most 60 s (an outage's recovery takes a few heartbeats and reconnects).</summary>
    static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await done())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still waiting for {what} after 60 s");
            }
        }
    }
}
