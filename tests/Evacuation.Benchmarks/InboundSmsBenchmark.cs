using System.Diagnostics;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// Inbound SMS webhooks (<c>POST /webhooks/twilio/sms</c>, signed) against the whole service on SQLite, 16 at a time:
/// webhooks/second and the 99th-percentile answer time, then how long until every reply was interpreted and
/// acknowledged in the outbox. Citizens answer with their reply codes; a tenth of the posts are replays.
/// </summary>
public static class InboundSmsBenchmark
{
    const string PublicBaseUrl = "https://evac.example.org";
    const int Concurrency = 16;

    public static async Task<int> RunAsync(int messages = 5_000)
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        var citizens = Math.Max(1, messages);
        await using var host = await BenchmarkHost.StartAsync(citizens, new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:AuthToken"] = twilio.AuthToken,
            ["Twilio:FromNumber"] = "+15005550006",
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:SegmentsPerSecond"] = "1000",
        });
        var posts = Enumerable.Range(0, messages).Select(n => Form(n, twilio.AuthToken)).ToList();
        // Every tenth message is sent twice: a replay must cost little and change nothing.
        posts.AddRange(Enumerable.Range(0, messages / 10).Select(n => posts[n * 10]));
        var latencies = new double[posts.Count];
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            using var client = host.CreateClient();
            int i;
            while ((i = Interlocked.Increment(ref next)) < posts.Count)
            {
                var (form, signature) = posts[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add("X-Twilio-Signature", signature);
                var started = clock.Elapsed;
                using var response = await client.SendAsync(request);
                latencies[i] = (clock.Elapsed - started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var answered = clock.Elapsed;
        var interpreted = await host.UntilAsync(async db => await db.Replies.CountAsync(r => r.InterpretedAt != null) >= messages, clock, TimeSpan.FromMinutes(5));
        Array.Sort(latencies);
        var p99 = latencies[(int)Math.Ceiling(latencies.Length * 0.99) - 1];
        var p50 = latencies[latencies.Length / 2];
        int stored;
        int acknowledged;
        await using (var db = host.OpenDb())
        {
            stored = await db.Replies.CountAsync();
            acknowledged = await db.Deliveries.CountAsync();
        }
        var rate = posts.Count / answered.TotalSeconds;
        Console.WriteLine($"inbound-sms: {posts.Count:N0} webhooks ({messages:N0} distinct) in {answered.TotalSeconds:F2} s = {rate:N0}/s; "
            + $"answer p50 {p50:F1} ms, p99 {p99:F1} ms; all interpreted after {interpreted.TotalSeconds:F2} s; "
            + $"stored {stored:N0}, acknowledgements queued {acknowledged:N0}, failed posts {failures}");
        return failures == 0 && stored == messages && acknowledged == messages ? 0 : 1;
    }

    /// <summary>Citizen n (phone +38050nnnnnnn, as the benchmark host seeds them) answers with a reply code.</summary>
    static (List<KeyValuePair<string, string>> Form, string Signature) Form(int n, string authToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", "AC00000000000000000000000000000000"),
            new("Body", ((n % 3) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("From", $"+38050{n:D7}"),
            new("MessageSid", $"SM{n:D32}"),
            new("NumMedia", "0"),
            new("To", "+15005550006"),
        };
        return (form, FakeTwilioServer.Sign(authToken, PublicBaseUrl + "/webhooks/twilio/sms", form));
    }
}
