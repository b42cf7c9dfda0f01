using System.Diagnostics;
using Evacuation.Core.Broadcasts;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// Long SMS against the claim lease: 200 SMS-only Ukrainian citizens, a 1,600-character Ukrainian <c>Custom</c> (24 UCS-2
/// segments each, 4,800 in all) at 100 segments/s with <c>Deliveries:Lease</c> 30 s. The whole broadcast takes longer
/// than one lease, so a claim that outlived its lease would be sent twice. Target: 0 duplicate sends at the fake Twilio.
/// </summary>
public static class LeaseBenchmark
{
    const int SegmentsPerSecond = 100;

    public static async Task<int> RunAsync(int citizens = 200)
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var host = await BenchmarkHost.StartAsync(citizens, new()
        {
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:AuthToken"] = twilio.AuthToken,
            ["Twilio:FromNumber"] = "+15005550006",
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
            ["Twilio:SegmentsPerSecond"] = SegmentsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Deliveries:Lease"] = "00:00:30",
        });
        await using (var db = host.OpenDb())
        {
            await db.Citizens.ExecuteUpdateAsync(s => s.SetProperty(c => c.TelegramChatId, (long?)null).SetProperty(c => c.Language, "uk"));
        }
        var text = UkrainianText(1_600);
        await BenchmarkHost.SettleAsync();

        var clock = Stopwatch.StartNew();
        var id = await host.BroadcastAsync(new { kind = "Custom", channels = "Sms", text = new { en = text, he = text, ru = text, uk = text } });
        var done = await host.UntilAsync(async db => await db.Broadcasts.AnyAsync(b => b.Id == id && b.State == BroadcastState.Completed), clock, TimeSpan.FromMinutes(10));

        var sent = twilio.Requests;
        var segments = sent.Sum(r => r.Segments);
        var distinct = sent.Select(r => r.To).Distinct().Count();
        var duplicates = sent.Count - distinct;
        Console.WriteLine($"lease: {citizens} SMS citizens x {SmsSegmentCount.Of(text)} segments ({text.Length:N0} characters, UCS-2) at {SegmentsPerSecond} segments/s, lease 30 s: "
            + $"{sent.Count} sends, {segments:N0} segments, {distinct} citizens reached, {duplicates} duplicate sends; completed in {done.TotalSeconds:F1} s "
            + $"({segments / done.TotalSeconds:F1} segments/s)");
        return duplicates == 0 && distinct == citizens ? 0 : 1;
    }

    /// <summary>Ukrainian words up to exactly <paramref name="length"/> characters (Cyrillic, so every segment is UCS-2).</summary>
    static string UkrainianText(int length)
    {
        const string words = "Негайно залиште місто та прямуйте до призначеного пункту пропуску на кордоні. ";
        var text = string.Concat(Enumerable.Repeat(words, length / words.Length + 1));
        return text[..length];
    }
}
