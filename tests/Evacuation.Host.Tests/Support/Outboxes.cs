using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests;

/// <summary>Setting up citizens and providers for broadcast tests, and waiting for the outbox without sleeping.</summary>
public static class Outboxes
{
    /// <summary>Settings that make both channels live against the fakes, paced fast enough not to slow tests.</summary>
    public static Dictionary<string, string?> LiveAgainst(FakeTelegramServer? telegram, FakeTwilioServer? twilio)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:MessagesPerSecond"] = "1000",
            ["Twilio:SegmentsPerSecond"] = "1000",
            // These hosts test sending, by one operator key: large live broadcasts go out without a second operator.
            // The approval rule itself is tested with its default threshold (Broadcasts/ApprovalFlowTests).
            ["Broadcasts:ApprovalThreshold"] = NoApproval,
        };
        if (telegram is not null)
        {
            settings["Telegram:BotToken"] = telegram.Token;
            settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
        }
        if (twilio is not null)
        {
            settings["Twilio:AccountSid"] = twilio.AccountSid;
            settings["Twilio:AuthToken"] = twilio.AuthToken;
            settings["Twilio:FromNumber"] = "+15005550006";
            settings["Twilio:ApiBaseUrl"] = twilio.BaseUrl;
            settings["Twilio:PublicBaseUrl"] = PublicBaseUrl;
        }
        return settings;
    }

    public const string PublicBaseUrl = "https://evac.example.org";

    /// <summary>A threshold no test audience reaches.</summary>
    public const string NoApproval = "100000000";

    /// <summary>Stores citizens straight in the database; n-th gets chat id 1000+n when <paramref name="telegram"/> and phone when <paramref name="sms"/>.</summary>
    public static async Task<List<Citizen>> AddCitizensAsync(this EvacuationApp app, int count, bool telegram = true, bool sms = true, int from = 0, Action<Citizen, int>? shape = null)
    {
        var citizens = Enumerable.Range(from, count).Select(n =>
        {
            var citizen = new Citizen
            {
                Name = $"Citizen {n}",
                Phone = sms ? Some.Phone(n) : null,
                TelegramChatId = telegram ? 1000 + n : null,
                Language = Language.All[n % 4],
                Region = "Lviv",
                CreatedAt = app.Time.GetUtcNow().UtcDateTime,
                UpdatedAt = app.Time.GetUtcNow().UtcDateTime,
            };
            shape?.Invoke(citizen, n);
            return citizen;
        }).ToList();
        await using var db = app.Database.Open();
        db.Citizens.AddRange(citizens);
        await db.SaveChangesAsync();
        return citizens;
    }

    public static async Task<string> BroadcastAsync(this EvacuationApp app, object request)
    {
        var response = await app.Operator().PostAsJsonAsync("/api/broadcasts", request);
        var body = await response.ReadJsonAsync();
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> ProgressAsync(this EvacuationApp app, string id) =>
        await (await app.Viewer().GetAsync($"/api/broadcasts/{id}")).ReadJsonAsync();

    /// <summary>Waits until the broadcast reaches <paramref name="state"/>; gives up after 30 s so a bug fails rather than hangs.</summary>
    public static async Task<JsonElement> UntilStateAsync(this EvacuationApp app, string id, string state) =>
        (await app.UntilAsync(async () =>
        {
            var progress = await app.ProgressAsync(id);
            return progress.GetProperty("state").GetString() == state ? new[] { progress } : null;
        }, $"broadcast {id} to be {state}"))[0];

    public static Task<List<Delivery>> DeliveriesAsync(this EvacuationApp app, Func<Delivery, bool>? where = null) =>
        app.UntilAsync(async () => (List<Delivery>?)await ReadDeliveriesAsync(app, where), "deliveries");

    static async Task<List<Delivery>> ReadDeliveriesAsync(EvacuationApp app, Func<Delivery, bool>? where)
    {
        await using var db = app.Database.Open();
        var all = await db.Deliveries.AsNoTracking().ToListAsync();
        return [.. all.Where(where ?? (_ => true))];
    }

    /// <summary>Waits until deliveries matching <paramref name="where"/> number <paramref name="count"/>.</summary>
    public static Task<List<Delivery>> UntilDeliveriesAsync(this EvacuationApp app, int count, Func<Delivery, bool> where, string what) =>
        app.UntilAsync(async () =>
        {
            var found = await ReadDeliveriesAsync(app, where);
            return found.Count >= count ? found : null;
        }, what);

    /// <summary>
    /// Re-checks <paramref name="found"/> each time the outbox changes (the service's own pulse), so tests wait
    /// for behaviour, not for a guessed time.
    /// </summary>
    public static async Task<T> UntilAsync<T>(this EvacuationApp app, Func<Task<T?>> found, string what)
        where T : class
    {
        var pulse = app.Services.GetRequiredService<DeliveryPulse>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = pulse.Next;
            if (await found() is { } value)
            {
                return value;
            }
            try
            {
                await next.WaitAsync(TimeSpan.FromMilliseconds(200), limit.Token);
            }
            catch (TimeoutException)
            {
                // The sweeper works on its own clock; look again.
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still waiting for {what} after 30 s");
            }
        }
    }

    public static async Task<T> WithDbAsync<T>(this EvacuationApp app, Func<EvacuationDb, Task<T>> read)
    {
        await using var db = app.Database.Open();
        return await read(db);
    }
}
