using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Deliveries;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// The seed at ten times the shipped rates (<c>Telegram:MessagesPerSecond</c> 300, <c>Twilio:SegmentsPerSecond</c> 100):
/// <c>citizens</c> citizens in four languages, two in five by SMS only, all assigned a crossing; one RouteInstructions
/// to everyone (Preferred). Targets: every citizen reached, 0 expired or failed, 0 duplicates, and the time from the
/// POST until the broadcast is completed within 3% of the longest channel's <c>estimate.eta</c>.
/// </summary>
public static class Seed10xBenchmark
{
    public static async Task<int> RunAsync(int citizens = 10_000)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var host = await BenchmarkHost.StartAsync(citizens, new()
        {
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:MessagesPerSecond"] = "300",
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:AuthToken"] = twilio.AuthToken,
            ["Twilio:FromNumber"] = "+15005550006",
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
            ["Twilio:SegmentsPerSecond"] = "100",
        }, allOnTelegram: true);
        await using (var db = host.OpenDb())
        {
            var ids = await db.Citizens.OrderBy(c => c.TelegramChatId).Select(c => c.Id).ToListAsync();
            var smsOnly = ids.Where((_, n) => n % 5 < 2).ToList(); // languages go in turns of four, so every language has both
            await db.Citizens.ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedCrossing, "shehyni-medyka"));
            await db.Citizens.Where(c => smsOnly.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.TelegramChatId, (long?)null));
        }
        await BenchmarkHost.SettleAsync();

        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkHost.OperatorKey);
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        var response = await client.PostAsJsonAsync("/api/broadcasts", new { kind = "RouteInstructions", channels = "Preferred" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if ((int)response.StatusCode != 202)
        {
            Console.Error.WriteLine($"seed10x: broadcast refused: {(int)response.StatusCode} {body}");
            return 1;
        }
        var id = Guid.Parse(body.GetProperty("id").GetString()!);
        var etas = Etas(body.GetProperty("estimate").GetProperty("eta"));
        var done = await host.UntilAsync(async db => await db.Broadcasts.AnyAsync(b => b.Id == id && b.State == BroadcastState.Completed), clock, TimeSpan.FromMinutes(15));

        int expiredOrFailed;
        await using (var db = host.OpenDb())
        {
            expiredOrFailed = await db.Deliveries.CountAsync(d => d.BroadcastId == id
                && (d.State == DeliveryState.Failed || d.State == DeliveryState.Expired || d.State == DeliveryState.Undeliverable));
        }
        var chats = telegram.SentMessages.Select(r => r.ChatId).ToList();
        var phones = twilio.Requests.Select(r => r.To).ToList();
        var reached = chats.Distinct().Count() + phones.Distinct().Count();
        var duplicates = chats.Count + phones.Count - reached;
        var sms = twilio.Log.Timed().Select(r => r.At).Order().ToList();
        var smsSpan = (sms[^1] - sms[0]).TotalSeconds;
        var bound = etas.Values.Max();
        var off = (done.TotalSeconds - bound) / bound;
        Console.WriteLine($"seed10x: {citizens:N0} citizens ({phones.Distinct().Count():N0} by SMS, {twilio.Requests.Sum(r => r.Segments):N0} segments; {chats.Distinct().Count():N0} on Telegram), "
            + $"RouteInstructions at 300 msg/s and 100 segments/s: {reached:N0} reached, {expiredOrFailed} expired or failed, {duplicates} duplicates; "
            + $"completed in {done.TotalSeconds:F1} s against the estimate's eta {string.Join(", ", etas.Select(e => $"{e.Key} {e.Value:F1} s"))}: {off:+0.0%;-0.0%} "
            + $"(SMS first to last arrival {smsSpan:F1} s: {twilio.Requests.Sum(r => r.Segments) / smsSpan:F1} segments/s; first SMS {(sms[0] - started).TotalSeconds:F1} s after the POST)");
        return reached == citizens && expiredOrFailed == 0 && duplicates == 0 && Math.Abs(off) <= 0.03 ? 0 : 1;
    }

    /// <summary>etaSeconds by channel, whether the estimate lists the channels or keys them.</summary>
    static Dictionary<string, double> Etas(JsonElement eta)
    {
        var entries = eta.ValueKind == JsonValueKind.Array
            ? eta.EnumerateArray().Select(e => (Name: e.GetProperty("channel").GetString()!, Value: e))
            : eta.EnumerateObject().Select(p => (Name: p.Name, Value: p.Value));
        return entries.Where(e => e.Value.TryGetProperty("etaSeconds", out var s) && s.ValueKind == JsonValueKind.Number)
            .ToDictionary(e => e.Name, e => e.Value.GetProperty("etaSeconds").GetDouble());
    }
}
