using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Evacuation.Core.Deliveries;
using Evacuation.Fakes;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks.Cluster;

/// <summary>
/// <c>cluster</c>: three nodes on one PostgreSQL database (<see cref="SoakCluster"/>) send a 5,000-recipient advisory,
/// take 1,000 SMS replies posted to the nodes in turn (to the next node when one is down or answers 503, as a provider
/// retries) and close the citizens' crossing, while every few seconds a random node is <c>kill -9</c>-ed and started
/// again, for a bounded number of rounds. Then it checks, from the fakes' own logs and the database: every recipient
/// reached (duplicates counted), every reply stored and interpreted once, no one-second window above the Telegram rate
/// (+1), no message naming the closed crossing sent after the closure, and the takeover time after each kill of a
/// sending node. Exits 1 on a violation.
/// </summary>
public static class ClusterSoak
{
    const int OnTelegram = 4_000, BySms = 1_000, Replies = 1_000, KillRounds = 20;
    static readonly TimeSpan KillEvery = TimeSpan.FromSeconds(5), Limit = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string? postgresServer)
    {
        if (postgresServer is null)
        {
            Console.Error.WriteLine("cluster: needs PostgreSQL (set EVAC_TEST_POSTGRES or pass --postgres CONNECTION)");
            return 2;
        }
        await using var cluster = await SoakCluster.CreateAsync(postgresServer);
        await cluster.SeedAsync(OnTelegram, BySms);
        await cluster.StartAsync(3);
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        var broadcastId = await SendAsync(cluster, HttpMethod.Post, "/api/broadcasts", new { kind = "Advisory" }, SoakCluster.OperatorKey);
        var kills = KillAsync(cluster);
        var replies = RepliesAsync(cluster);
        await Task.Delay(TimeSpan.FromSeconds(8));
        await SendAsync(cluster, HttpMethod.Put, $"/api/crossings/{SoakCluster.Crossing}", new { status = "Closed" }, SoakCluster.AdminKey);
        var closedAt = DateTime.UtcNow;
        var killed = await kills;
        var posted = await replies;
        var settled = await UntilSettledAsync(cluster, clock);
        var sends = await cluster.SendsAsync();
        return await CheckAsync(cluster, sends, killed, posted, closedAt, settled, clock.Elapsed, started);
    }

    /// <summary>A request to the first node that answers it (as an operator's tool retries against the proxy); returns the body's id, if any.</summary>
    static async Task<string?> SendAsync(SoakCluster cluster, HttpMethod method, string path, object body, string key)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var node = cluster.Nodes[attempt % cluster.Nodes.Count];
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri(node.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
                if (response.IsSuccessStatusCode)
                {
                    var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                    return answer.TryGetProperty("id", out var id) ? id.GetString() : null;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // That node is down or restarting: the next one.
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"{method} {path} answered by no node");
    }

    public sealed record Kill(DateTime At, string Node, IReadOnlyList<string> Roles);

    /// <summary>Every <see cref="KillEvery"/>, kills a random node and starts it again at once.</summary>
    static async Task<List<Kill>> KillAsync(SoakCluster cluster)
    {
        var kills = new List<Kill>();
        for (var round = 0; round < KillRounds; round++)
        {
            await Task.Delay(KillEvery);
            var index = Random.Shared.Next(cluster.Nodes.Count);
            var name = $"n{index + 1}";
            var holders = await cluster.HoldersAsync();
            await cluster.Nodes[index].KillAsync();
            kills.Add(new Kill(DateTime.UtcNow, name, [.. holders.Where(h => h.Value == name).Select(h => h.Key)]));
            cluster.Nodes[index].Restart();
        }
        return kills;
    }

    /// <summary>Citizens on SMS reply "1", each posted signed to the nodes in turn until one stores it (200).</summary>
    static async Task<int> RepliesAsync(SoakCluster cluster)
    {
        var stored = 0;
        for (var n = 0; n < Replies; n++)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("AccountSid", FakeTwilioServer.DefaultAccountSid), new("Body", "1"), new("From", $"+38050{OnTelegram + n:D7}"),
                new("MessageSid", $"SMsoak{n:D26}"), new("NumMedia", "0"), new("To", "+15005550006"),
            };
            for (var attempt = 0; attempt < 600; attempt++) // a minute of retries, as a provider keeps trying
            {
                var node = cluster.Nodes[(n + attempt) % cluster.Nodes.Count];
                if (await PostSmsAsync(node, form))
                {
                    stored++;
                    break;
                }
                await Task.Delay(100);
            }
            await Task.Delay(15);
        }
        return stored;
    }

    static async Task<bool> PostSmsAsync(ServiceProcess node, List<KeyValuePair<string, string>> form)
    {
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(node.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", FakeTwilioServer.Sign(FakeTwilioServer.DefaultAuthToken, SoakCluster.PublicBaseUrl + "/webhooks/twilio/sms", form));
            using var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until nothing is queued or being sent and every reply is interpreted (bounded by <see cref="Limit"/>).</summary>
    static async Task<bool> UntilSettledAsync(SoakCluster cluster, Stopwatch clock)
    {
        while (clock.Elapsed < Limit)
        {
            await using var db = cluster.Open();
            var open = await db.Deliveries.CountAsync(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Sending);
            var waiting = await db.Replies.CountAsync(r => r.InterpretedAt == null);
            if (open == 0 && waiting == 0)
            {
                return true;
            }
            await Task.Delay(500);
        }
        return false;
    }

    static Task<int> CheckAsync(SoakCluster cluster, List<FakeSend> sends, List<Kill> kills, int posted, DateTime closedAt, bool settled, TimeSpan took, DateTime started) =>
        SoakChecks.RunAsync(cluster, sends, kills, posted, closedAt, settled, took, started, OnTelegram + BySms, Replies);
}
