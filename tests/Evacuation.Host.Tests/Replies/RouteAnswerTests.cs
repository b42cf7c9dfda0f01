using System.Net.Http.Json;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Replies;
using Evacuation.Host.Tests.Broadcasts;
using Evacuation.Host.Tests.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Replies;

/// <summary>What a citizen is answered when they ask for their route or for help: the right answer, in their language.</summary>
public sealed class RouteAnswerTests
{
    static readonly Dictionary<string, string?> Signed = new()
    {
        ["Messages:SenderName"] = "Embassy of Israel",
        ["Messages:Hotline"] = "+972 3 555 0100",
    };

    static async Task<List<Delivery>> ReplyAsync(EvacuationApp app, Citizen citizen, string channel, string text)
    {
        var response = await app.Operator().PostAsJsonAsync("/api/sandbox/replies",
            new { citizenId = citizen.Id.ToString(), channel, text }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await app.WithDbAsync(db => db.Deliveries.AsNoTracking().Where(d => d.CitizenId == citizen.Id).OrderBy(d => d.CreatedAt).ToListAsync());
    }

    [Fact]
    public async Task ROUTE_from_a_placed_citizen_is_their_route_as_of_now_from_the_sender()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Signed);
        var citizen = (await app.AddCitizensAsync(1, telegram: false, shape: (c, _) => (c.Language, c.Region) = (Language.English, "Lviv"))).Single();

        var answer = Assert.Single(await ReplyAsync(app, citizen, "sms", "ROUTE"));

        // The test clock reads 08:00 UTC on 25 November: 10:00 in Kyiv.
        Assert.Equal("Embassy of Israel: Your border crossing as of 10:00 Kyiv time: Rava-Ruska-Hrebenne. In Poland, 55 km north-west of central Lviv (straight line). Vehicles only. " + Core.Broadcasts.ReplyCodeLine.For("en"), answer.Text);
        Assert.Equal("rava-ruska-hrebenne", await app.WithDbAsync(db => db.Citizens.Where(c => c.Id == citizen.Id).Select(c => c.AssignedCrossing).SingleAsync()));
    }

    [Theory]
    [InlineData("sms", "We do not know where you are yet, so we cannot name a border crossing for you.", null)]
    [InlineData("telegram", "We do not know where you are yet, so we cannot name a border crossing for you. Please send your location with the button below.", "location:en")]
    public async Task ROUTE_from_someone_we_cannot_place_says_so_and_how_to_tell_us(string channel, string opening, string? keyboard)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Signed);
        var citizen = (await app.AddCitizensAsync(1, shape: (c, _) => (c.Language, c.Region) = (Language.English, "Atlantis"))).Single();

        var answer = Assert.Single(await ReplyAsync(app, citizen, channel, "route"));

        Assert.StartsWith(opening, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("route instructions", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(keyboard, answer.Keyboard);
    }

    [Fact]
    public async Task Enrolment_ends_by_asking_for_the_location_with_the_button_in_the_chosen_language()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = Providers.LiveAgainst(telegram, null);
        settings["Telegram:Updates"] = "Webhook";
        settings["Telegram:WebhookSecret"] = "webhook-secret-0123456789abcdef-0123456789";
        settings["Telegram:WebhookUrl"] = "https://evac.example.org/webhooks/telegram";
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, settings);
        var citizen = (await app.AddCitizensAsync(1, sms: false, shape: (c, _) => c.Region = null)).Single();
        var press = (await TelegramPayloadTests.ReadAsync("callback_query.json", citizen.TelegramChatId!.Value)).Replace("\"data\":\"reply:3\"", "\"data\":\"lang:uk\"", StringComparison.Ordinal);

        await TelegramPayloadTests.PostAsync(app, press);
        await app.InterpretRepliesAsync();

        var answers = await app.WithDbAsync(db => db.Deliveries.AsNoTracking().Where(d => d.CitizenId == citizen.Id).ToListAsync());
        Assert.Contains(answers, a => a.Text == "Відтепер ми писатимемо вам українською.");
        var question = Assert.Single(answers, a => a.Keyboard == "location:uk");
        Assert.StartsWith("Надішліть нам свою геопозицію кнопкою нижче", question.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_for_help_is_answered_with_the_hotline()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Signed);
        var citizen = (await app.AddCitizensAsync(1, telegram: false, shape: (c, _) => c.Language = Language.English)).Single();

        var answer = Assert.Single(await ReplyAsync(app, citizen, "sms", "4"));

        Assert.EndsWith("call 112. Hotline +972 3 555 0100.", answer.Text, StringComparison.Ordinal);
    }
}
