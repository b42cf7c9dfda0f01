using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Replies;
using Evacuation.Host.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Telegram;

/// <summary>
/// Recorded, scrubbed Telegram updates (Telegram/Payloads/*.json, chat 4001, made-up ids) posted to the webhook as
/// Telegram posts them, each with what it must do once interpreted.
/// </summary>
public sealed partial class TelegramPayloadTests
{
    const string Secret = "webhook-secret-0123456789abcdef-0123456789";

    /// <summary>The chat id the recorded payloads come from.</summary>
    [GeneratedRegex(@"(?<!\d)4001(?!\d)")]
    private static partial Regex RecordedChat();

    public sealed record Outcome(JourneyStatus Status, bool Answered, int CallbackAnswers = 0, bool Unreachable = false);

    public static Labelled<string, Outcome> Updates => new()
    {
        { "a typed Ukrainian reply", "text.json", new(JourneyStatus.Departed, Answered: true) },
        { "a pressed inline button", "callback_query.json", new(JourneyStatus.Staying, Answered: true, CallbackAnswers: 1) },
        { "the citizen's own contact", "contact.json", new(JourneyStatus.Unconfirmed, Answered: true) },
        { "a shared location", "location.json", new(JourneyStatus.Unconfirmed, Answered: true) },
        { "an edited message", "edited_message.json", new(JourneyStatus.Unconfirmed, Answered: false) },
        { "a sticker", "sticker.json", new(JourneyStatus.Unconfirmed, Answered: false) },
        { "a message in a group", "group_message.json", new(JourneyStatus.Unconfirmed, Answered: false) },
        { "the citizen blocked the bot", "my_chat_member_blocked.json", new(JourneyStatus.Unconfirmed, Answered: false, Unreachable: true) },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public async Task A_recorded_update_is_stored_once_and_has_its_expected_effect(string file, Outcome expected)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = Providers.LiveAgainst(telegram, null);
        settings["Telegram:Updates"] = "Webhook";
        settings["Telegram:WebhookSecret"] = Secret;
        settings["Telegram:WebhookUrl"] = "https://evac.example.org/webhooks/telegram";
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, settings);
        var citizen = (await app.AddCitizensAsync(1, shape: (c, _) => (c.Language, c.Phone) = ("uk", "+380500000001"))).Single();
        var json = await ReadAsync(file, citizen.TelegramChatId!.Value);

        var response = await PostAsync(app, json);
        await app.InterpretRepliesAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Replies.CountAsync()));
        var after = await app.WithDbAsync(db => db.Citizens.AsNoTracking().SingleAsync(c => c.Id == citizen.Id));
        Assert.Equal(expected.Status, after.Status);
        Assert.Equal(expected.Unreachable, after.TelegramUnreachable);
        Assert.Equal(expected.Answered, await app.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.CitizenId == citizen.Id)));
        Assert.Equal(expected.CallbackAnswers, telegram.RequestsOf("answerCallbackQuery").Count);
    }

    /// <summary>A payload file with its recorded chat replaced by <paramref name="chatId"/>.</summary>
    public static async Task<string> ReadAsync(string file, long chatId) =>
        RecordedChat().Replace(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Telegram", "Payloads", file), TestContext.Current.CancellationToken),
            chatId.ToString(CultureInfo.InvariantCulture));

    public static async Task<HttpResponseMessage> PostAsync(EvacuationApp app, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramEndpoints.WebhookPath) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        return await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }
}
