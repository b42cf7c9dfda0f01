using System.Diagnostics;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// Inbound SMS webhooks (<c>POST /webhooks/twilio/sms</c>, signed) against the whole service on SQLite, with the
/// dispatchers sending every acknowledgement to a fake Twilio at the same time. Citizens answer with their reply
/// codes; a tenth of the posts are replays. Two runs, each on a fresh database:
/// <list type="bullet">
/// <item><b>offered load</b>: webhooks start on a fixed schedule of <c>rate</c> per second, however slowly the service
/// answers, as Twilio's traffic arrives; each answer time counts from the scheduled start, so a service that falls
/// behind shows it in the 99th percentile (no coordinated omission).</item>
/// <item><b>closed loop</b>: 16 senders, each posting again as soon as it is answered: the most the service
/// handles when every caller waits for the previous answer.</item>
/// </list>
/// Then how long until every reply was interpreted and acknowledged in the outbox.
/// </summary>
public static class InboundSmsBenchmark
{
    const string PublicBaseUrl = "https://evac.example.org";
    const int Concurrency = 16;
    const int OfferedPerSecond = 1_000;

    public static async Task<int> RunAsync(int messages = 5_000)
    {
        // Acknowledgements leave at the shipped Twilio:SegmentsPerSecond (10), and then at the most it allows (1,000),
        // where every acknowledgement is sent while the webhooks come in and the two compete for the database.
        var ok = true;
        foreach (var segments in new[] { 10, 1_000 })
        {
            ok &= await RunOnceAsync(messages, OfferedPerSecond, segments);
            ok &= await RunOnceAsync(messages, null, segments);
        }
        return ok ? 0 : 1;
    }

    static async Task<bool> RunOnceAsync(int messages, int? perSecond, int segmentsPerSecond)
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var host = await BenchmarkHost.StartAsync(Math.Max(1, messages) + WarmUp, new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:AuthToken"] = twilio.AuthToken,
            ["Twilio:FromNumber"] = "+15005550006",
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:SegmentsPerSecond"] = segmentsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await WarmUpAsync(host, twilio.AuthToken, messages);
        var posts = Posts(messages, twilio.AuthToken);
        var latencies = new double[posts.Count];
        var failures = 0;
        using var client = host.CreateClient();

        async Task PostAsync(int i, TimeSpan from, Stopwatch clock)
        {
            var (form, signature) = posts[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", signature);
            using var response = await client.SendAsync(request);
            latencies[i] = (clock.Elapsed - from).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }

        var clock = Stopwatch.StartNew();
        await (perSecond is { } rate ? OfferAsync(posts.Count, rate, clock, PostAsync) : ClosedLoopAsync(posts.Count, clock, PostAsync));
        var answered = clock.Elapsed;
        var interpreted = await host.UntilAsync(async db => await db.Replies.CountAsync(r => r.InterpretedAt != null) >= messages + WarmUp, clock, TimeSpan.FromMinutes(5));
        Array.Sort(latencies);
        var p99 = latencies[(int)Math.Ceiling(latencies.Length * 0.99) - 1];
        var p50 = latencies[latencies.Length / 2];
        int stored;
        int acknowledged;
        await using (var db = host.OpenDb())
        {
            stored = await db.Replies.CountAsync() - WarmUp;
            acknowledged = await db.Deliveries.CountAsync() - WarmUp;
        }
        var load = perSecond is { } offered ? $"offered {offered:N0}/s" : $"closed loop, {Concurrency} at a time";
        Console.WriteLine($"inbound-sms ({load}, SMS paced at {segmentsPerSecond:N0}/s): {posts.Count:N0} webhooks ({messages:N0} distinct) in {answered.TotalSeconds:F2} s = {posts.Count / answered.TotalSeconds:N0}/s; "
            + $"answer p50 {p50:F1} ms, p99 {p99:F1} ms; all interpreted after {interpreted.TotalSeconds:F2} s; "
            + $"stored {stored:N0}, acknowledgements queued {acknowledged:N0}, failed posts {failures}");
        return failures == 0 && stored == messages && acknowledged == messages;
    }

    /// <summary>One signed post per citizen; every tenth is sent again a little later: a replay must cost little and change nothing.</summary>
    static List<(List<KeyValuePair<string, string>> Form, string Signature)> Posts(int messages, string authToken)
    {
        var posts = Enumerable.Range(0, messages).Select(n => Form(n, authToken)).ToList();
        for (var n = 0; n < messages / 10; n++)
        {
            posts.Insert(Math.Min(posts.Count, (n * 11) + 20), posts[n * 10]);
        }
        return posts;
    }

    /// <summary>Offered load: post i starts at i / rate seconds, however slowly the service answers.</summary>
    static async Task OfferAsync(int count, int rate, Stopwatch clock, Func<int, TimeSpan, Stopwatch, Task> post)
    {
        var sent = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            sent.Add(post(i, due, clock));
        }
        await Task.WhenAll(sent);
    }

    /// <summary>Closed loop: <see cref="Concurrency"/> senders, each posting again as soon as it is answered.</summary>
    static async Task ClosedLoopAsync(int count, Stopwatch clock, Func<int, TimeSpan, Stopwatch, Task> post)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await post(i, clock.Elapsed, clock);
            }
        }));
    }

    /// <summary>Citizens after the measured ones answer first, so the measurement starts with the code compiled and the pools filled.</summary>
    const int WarmUp = 500;

    static async Task WarmUpAsync(BenchmarkHost host, string authToken, int first)
    {
        using var client = host.CreateClient();
        for (var n = first; n < first + WarmUp; n += 50)
        {
            await Task.WhenAll(Enumerable.Range(n, 50).Select(async i =>
            {
                var (form, signature) = Form(i, authToken);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add("X-Twilio-Signature", signature);
                using var response = await client.SendAsync(request);
            }));
        }
        await host.UntilAsync(async db => await db.Replies.CountAsync(r => r.InterpretedAt != null) >= WarmUp, Stopwatch.StartNew(), TimeSpan.FromMinutes(1));
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
