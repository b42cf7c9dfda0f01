using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Replies;
using Evacuation.Host.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Telegram;

/// <summary>Telegram updates by long polling and by webhook, through the real service against the fake Bot API.</summary>
public sealed class TelegramUpdateTests
{
    const string Secret = "webhook-secret-0123456789abcdef-0123456789";

    sealed record Setup(EvacuationApp App, FakeTelegramServer Telegram, Citizen Citizen) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Telegram.DisposeAsync();
        }
    }

    static async Task<Setup> StartAsync(bool webhook = false)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        var settings = Providers.LiveAgainst(telegram, null);
        settings["Telegram:BotUsername"] = "EvacBot";
        if (webhook)
        {
            settings["Telegram:Updates"] = "Webhook";
            settings["Telegram:WebhookSecret"] = Secret;
            settings["Telegram:WebhookUrl"] = "https://evac.example.org/webhooks/telegram";
        }
        var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, settings);
        var citizen = (await app.AddCitizensAsync(1, shape: (c, _) => c.Language = "uk")).Single();
        return new(app, telegram, citizen);
    }

    static Task<Citizen> UntilCitizenAsync(Setup s, Func<Citizen, bool> condition, string what) =>
        s.App.UntilAsync(async () =>
        {
            var citizen = await s.App.WithDbAsync(db => db.Citizens.AsNoTracking().SingleAsync(c => c.Id == s.Citizen.Id));
            return condition(citizen) ? citizen : null;
        }, what);

    static async Task<HttpResponseMessage> PostUpdateAsync(Setup s, string json, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramEndpoints.WebhookPath) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return await s.App.CreateClient().SendAsync(request);
    }

    static Task InterpretAsync(Setup s) =>
        s.App.InterpretRepliesAsync();

    [Fact]
    public async Task A_polled_text_reply_changes_the_status_and_is_answered_in_the_citizens_language()
    {
        await using var s = await StartAsync();

        s.Telegram.EnqueueTextMessage(s.Citizen.TelegramChatId!.Value, "Я вже виїхала");

        await UntilCitizenAsync(s, c => c.Status == JourneyStatus.Departed, "the citizen to be Departed");
        var answer = await s.App.UntilDeliveriesAsync(1, d => d.CitizenId == s.Citizen.Id, "the acknowledgement");
        Assert.Equal(Core.Replies.Acknowledgements.For(Core.Replies.ReplyMeaning.Of(JourneyStatus.Departed), "uk"), answer.Single().Text);
    }

    [Fact]
    public async Task A_button_press_marks_the_last_telegram_message_delivered()
    {
        await using var s = await StartAsync();
        var broadcast = await s.App.BroadcastAsync(new { kind = "Advisory", channels = "Telegram" });
        await s.App.UntilStateAsync(broadcast, "Completed");

        s.Telegram.EnqueueButtonPress(s.Citizen.TelegramChatId!.Value, "reply:2");

        await UntilCitizenAsync(s, c => c.Status == JourneyStatus.OnTheWay, "the citizen to be OnTheWay");
        var advisory = await s.App.UntilDeliveriesAsync(1, d => d.BroadcastId.ToString() == broadcast && d.State == DeliveryState.Delivered, "the advisory to be delivered");
        Assert.Single(advisory);
    }

    [Fact]
    public async Task Polling_resumes_after_the_highest_stored_update()
    {
        await using var s = await StartAsync();
        var id = s.Telegram.EnqueueTextMessage(s.Citizen.TelegramChatId!.Value, "2");
        await UntilCitizenAsync(s, c => c.Status == JourneyStatus.OnTheWay, "the first reply");

        var next = await s.App.Services.GetRequiredService<ReplyInbox>().NextTelegramOffsetAsync(TestContext.Current.CancellationToken);

        Assert.Equal(id + 1, next);
    }

    public static Labelled<string?> WrongSecrets => new()
    {
        { "no header", null },
        { "wrong secret", "not-the-secret" },
        { "prefix of the secret", Secret[..10] },
    };

    [Theory]
    [MemberData(nameof(WrongSecrets))]
    public async Task A_webhook_post_without_the_secret_is_refused_and_nothing_is_stored(string? secret)
    {
        await using var s = await StartAsync(webhook: true);

        var response = await PostUpdateAsync(s, s.Telegram.TextMessageUpdate(s.Citizen.TelegramChatId!.Value, "1").ToJsonString(), secret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Replies.CountAsync()));
    }

    [Fact]
    public async Task Webhook_mode_registers_the_webhook_with_its_secret()
    {
        await using var s = await StartAsync(webhook: true);

        await s.App.UntilAsync(() => Task.FromResult(s.Telegram.WebhookSecret is null ? null : "registered"), "setWebhook");

        Assert.Equal(Secret, s.Telegram.WebhookSecret);
        Assert.Equal("https://evac.example.org/webhooks/telegram", s.Telegram.WebhookUrl);
    }

    [Fact]
    public async Task A_repeated_update_id_has_one_effect()
    {
        await using var s = await StartAsync(webhook: true);
        var update = s.Telegram.TextMessageUpdate(s.Citizen.TelegramChatId!.Value, "1").ToJsonString();

        Assert.Equal(HttpStatusCode.OK, (await PostUpdateAsync(s, update, Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostUpdateAsync(s, update, Secret)).StatusCode);
        await InterpretAsync(s);

        Assert.Equal(1, await s.App.WithDbAsync(db => db.Replies.CountAsync()));
        Assert.Single(await s.App.WithDbAsync(db => db.Deliveries.Where(d => d.CitizenId == s.Citizen.Id).ToListAsync()));
    }

    public static Labelled<string> Malformed => new()
    {
        { "not json", "{{{" },
        { "json without update_id", "{\"message\":{\"text\":\"1\"}}" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_update_is_a_bad_request_and_nothing_is_stored(string body)
    {
        await using var s = await StartAsync(webhook: true);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostUpdateAsync(s, body, Secret)).StatusCode);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Replies.CountAsync()));
    }

    [Fact]
    public async Task A_deep_link_start_binds_the_chat_to_the_invited_citizen()
    {
        await using var s = await StartAsync(webhook: true);
        var invited = (await s.App.AddCitizensAsync(1, telegram: false, from: 50)).Single();
        var response = await s.App.Operator().PostAsJsonAsync($"/api/citizens/{invited.Id}/invite", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var token = await s.App.WithDbAsync(db => db.Citizens.Where(c => c.Id == invited.Id).Select(c => c.InviteToken).SingleAsync());

        await PostUpdateAsync(s, s.Telegram.TextMessageUpdate(777001, "/start " + token).ToJsonString(), Secret);
        await InterpretAsync(s);

        Assert.Equal(777001, await s.App.WithDbAsync(db => db.Citizens.Where(c => c.Id == invited.Id).Select(c => c.TelegramChatId).SingleAsync()));
    }

    [Fact]
    public async Task A_stranger_sharing_a_registered_phone_is_linked_to_that_record()
    {
        await using var s = await StartAsync(webhook: true);
        var registered = (await s.App.AddCitizensAsync(1, telegram: false, from: 60)).Single();
        const long chat = 777002;
        var contact = new JsonObject
        {
            ["update_id"] = 9002,
            ["message"] = new JsonObject
            {
                ["message_id"] = 1,
                ["date"] = 1764057600,
                ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Citizen" },
                ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Citizen" },
                ["contact"] = new JsonObject { ["phone_number"] = registered.Phone!.TrimStart('+'), ["first_name"] = "Citizen", ["user_id"] = chat },
            },
        };

        await PostUpdateAsync(s, s.Telegram.TextMessageUpdate(chat, "/start").ToJsonString(), Secret);
        await PostUpdateAsync(s, contact.ToJsonString(), Secret);
        await InterpretAsync(s);

        Assert.Equal(chat, await s.App.WithDbAsync(db => db.Citizens.Where(c => c.Id == registered.Id).Select(c => c.TelegramChatId).SingleAsync()));
    }

    [Fact]
    public async Task A_departed_citizen_is_not_sent_the_next_advisory_unless_departed_is_targeted()
    {
        await using var s = await StartAsync(webhook: true);
        var stillHere = (await s.App.AddCitizensAsync(1, from: 70)).Single();
        await PostUpdateAsync(s, s.Telegram.TextMessageUpdate(s.Citizen.TelegramChatId!.Value, "1").ToJsonString(), Secret);
        await InterpretAsync(s);

        var everyone = await s.App.BroadcastAsync(new { kind = "Advisory", channels = "Telegram" });
        var departed = await s.App.BroadcastAsync(new { kind = "Advisory", channels = "Telegram", audience = new { statuses = new[] { "Departed" } } });
        await s.App.UntilStateAsync(everyone, "Completed");
        await s.App.UntilStateAsync(departed, "Completed");

        var ids = new[] { Guid.Parse(everyone), Guid.Parse(departed) };
        var advisories = await s.App.WithDbAsync(db => db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.BroadcastId)).ToListAsync());
        Assert.Equal(stillHere.Id, Assert.Single(advisories, d => d.BroadcastId.ToString() == everyone).CitizenId);
        Assert.Equal(s.Citizen.Id, Assert.Single(advisories, d => d.BroadcastId.ToString() == departed).CitizenId);
    }
}
