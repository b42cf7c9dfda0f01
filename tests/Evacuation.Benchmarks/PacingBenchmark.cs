using System.Collections.Concurrent;
using System.Diagnostics;
using Evacuation.Core.Broadcasts;
using Evacuation.Fakes;
using Evacuation.Host.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// Pacing accuracy: an Advisory to <c>recipients</c> Telegram citizens with <c>Telegram:MessagesPerSecond</c> at
/// 300. Times every request as it leaves the service and reports the achieved rate (target: at least 97% of the
/// limit), the busiest one-second window (target: never above the limit) and how many windows were over it
/// (each would have provoked a 429 from Telegram).
/// </summary>
public static class PacingBenchmark
{
    const int Limit = 300;

    public static async Task<int> RunAsync(int recipients = 10_000)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var stamps = new ConcurrentQueue<long>();
        await using var host = await BenchmarkHost.StartAsync(recipients, new()
        {
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:MessagesPerSecond"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, allOnTelegram: true, services: s => s.AddHttpClient(TelegramSetup.HttpClientName).AddHttpMessageHandler(() => new Stamping(stamps)));

        var clock = Stopwatch.StartNew();
        var id = await host.BroadcastAsync(new { kind = "Advisory", channels = "Telegram" });
        await host.UntilAsync(async db => await db.Broadcasts.AnyAsync(b => b.Id == id && b.State == BroadcastState.Completed), clock, TimeSpan.FromMinutes(5));
        var arrivals = stamps.Select(t => (double)t / Stopwatch.Frequency).Order().ToArray();

        var rate = (recipients - 1) / (arrivals[^1] - arrivals[0]);
        var (busiest, over) = Windows(arrivals);
        Console.WriteLine($"pacing: {recipients:N0} Telegram messages at a limit of {Limit}/s: achieved {rate:F1}/s = {rate / Limit:P1} of the limit; "
            + $"busiest 1-s window {busiest}; windows over the limit {over}; 429s answered 0 (none provoked if over = 0)");
        var distinct = telegram.SentMessages.Select(r => r.ChatId).Distinct().Count();
        return rate >= 0.97 * Limit && busiest <= Limit && distinct == recipients ? 0 : 1;
    }

    /// <summary>Notes when each sendMessage request leaves the service: the moment the pacer controls.</summary>
    sealed class Stamping(ConcurrentQueue<long> stamps) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            stamps.Enqueue(Stopwatch.GetTimestamp());
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The most requests in any one-second window starting at a request, and how many such windows exceed the limit.</summary>
    static (int Busiest, int Over) Windows(double[] sorted)
    {
        var busiest = 0;
        var over = 0;
        var end = 0;
        for (var start = 0; start < sorted.Length; start++)
        {
            while (end < sorted.Length && sorted[end] < sorted[start] + 1.0)
            {
                end++;
            }
            var count = end - start;
            busiest = Math.Max(busiest, count);
            over += count > Limit ? 1 : 0;
        }
        return (busiest, over);
    }
}
