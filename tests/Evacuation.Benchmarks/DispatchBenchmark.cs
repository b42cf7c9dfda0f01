using System.Diagnostics;
using System.Text;
using Evacuation.Channels.Telegram;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// Dispatch speed with pacing off: an Advisory to <c>messages</c> Telegram citizens through the real Telegram.Bot
/// client against the zero-latency loopback fake (target: at least 2,000 messages/s), next to the fake's raw
/// ceiling: plain HTTP sendMessage requests to the same fake with the same concurrency, in the same run.
/// </summary>
public static class DispatchBenchmark
{
    const int Dispatchers = 4;
    const int ClaimBatch = 64;

    public static async Task<int> RunAsync(int messages = 20_000)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        double pipelineRate;
        await using (var host = await BenchmarkHost.StartAsync(messages, new()
        {
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Deliveries:Pacing"] = "false",
            ["Deliveries:DispatchersPerChannel"] = Dispatchers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Deliveries:ClaimBatch"] = ClaimBatch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, allOnTelegram: true))
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            var id = await host.BroadcastAsync(new { kind = "Advisory", channels = "Telegram" });
            await telegram.WhenRequests(1).WaitAsync(TimeSpan.FromMinutes(1));
            var first = clock.Elapsed;
            await telegram.WhenRequests(messages).WaitAsync(TimeSpan.FromMinutes(5));
            var last = clock.Elapsed;
            var completed = await host.UntilAsync(
                async db => await db.Broadcasts.AnyAsync(b => b.Id == id && b.State == BroadcastState.Completed), clock, TimeSpan.FromMinutes(5));
            pipelineRate = messages / (last - first).TotalSeconds;
            Console.WriteLine($"dispatch: {messages:N0} Telegram messages, pacing off, {Dispatchers}x{ClaimBatch} in flight: "
                + $"{pipelineRate:N0} messages/s (first request {first.TotalMilliseconds:F0} ms, last {last.TotalSeconds:F2} s, completed {completed.TotalSeconds:F2} s)");
        }

        var clientRate = await ClientCeilingAsync(telegram, messages, Dispatchers * ClaimBatch);
        Console.WriteLine($"dispatch: Telegram.Bot client alone (TelegramChannel.SendAsync, no database) at the same concurrency: {clientRate:N0} messages/s");
        var ceiling = await RawCeilingAsync(telegram, messages, Dispatchers * ClaimBatch);
        Console.WriteLine($"dispatch: raw HTTP ceiling of the fake at the same concurrency: {ceiling:N0} requests/s; pipeline/ceiling = {pipelineRate / ceiling:P0}");
        return telegram.SentMessages.Select(r => r.ChatId).Distinct().Count() == messages && pipelineRate >= 2000 ? 0 : 1;
    }

    /// <summary>Our Telegram channel with no database around it: what the client library costs.</summary>
    static async Task<double> ClientCeilingAsync(FakeTelegramServer telegram, int requests, int concurrency)
    {
        using var http = new HttpClient();
        var channel = new TelegramChannel(TelegramBot.CreateClient(new TelegramOptions { BotToken = telegram.Token, ApiBaseUrl = telegram.BaseUrl }, http));
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= requests)
            {
                var result = await channel.SendAsync(new OutboundMessage(Guid.NewGuid(), Guid.NewGuid(), ChannelKind.Telegram, (1000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), "OFFICIAL: Leave Ukraine immediately.", true), CancellationToken.None);
                if (result.Outcome != SendOutcome.Sent)
                {
                    throw new InvalidOperationException(result.Error);
                }
            }
        }));
        return requests / clock.Elapsed.TotalSeconds;
    }

    /// <summary>sendMessage as plain JSON POSTs from <paramref name="concurrency"/> workers over one pooled HttpClient.</summary>
    static async Task<double> RawCeilingAsync(FakeTelegramServer telegram, int requests, int concurrency)
    {
        using var http = new HttpClient();
        var url = new Uri($"{telegram.BaseUrl.TrimEnd('/')}/bot{telegram.Token}/sendMessage");
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= requests)
            {
                using var content = new StringContent("""{"chat_id":1,"text":"OFFICIAL: Leave Ukraine immediately."}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content);
                response.EnsureSuccessStatusCode();
            }
        }));
        return requests / clock.Elapsed.TotalSeconds;
    }
}
