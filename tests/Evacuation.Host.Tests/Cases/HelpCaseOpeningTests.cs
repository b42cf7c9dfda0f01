using Evacuation.Core.Cases;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Replies;
using Evacuation.Host.Twilio;
using Evacuation.Host.Tests.Twilio;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Cases;

/// <summary>Every call for help (a reply, a pressed button) opens one case, in the reply's own transaction.</summary>
public sealed class HelpCaseOpeningTests
{
    static async Task PostSmsAsync(EvacuationApp app, FakeTwilioServer twilio, List<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioEndpoints.InboundSmsPath) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", FakeTwilioServer.Sign(twilio.AuthToken, Providers.PublicBaseUrl + TwilioEndpoints.InboundSmsPath, form));
        (await app.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
        await app.Services.GetRequiredService<ReplyInterpreter>().InterpretPendingAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_NeedsHelp_sms_opens_exactly_one_case_even_when_twilio_posts_it_twice(StorageProvider provider)
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(provider, Providers.LiveAgainst(null, twilio));
        var citizen = (await app.AddCitizensAsync(1, telegram: false)).Single();
        var form = InboundSmsTests.Inbound("SM" + Guid.NewGuid().ToString("N"), citizen.Phone!, "we are stuck, need help");

        await PostSmsAsync(app, twilio, form);
        await PostSmsAsync(app, twilio, form);

        var helpCase = Assert.Single(await app.StoredCasesAsync());
        Assert.Equal(citizen.Id, helpCase.CitizenId);
        Assert.Equal(CaseState.Open, helpCase.State);
        Assert.Equal(ChannelKind.Sms, helpCase.Channel);
        Assert.Equal(1, helpCase.Requests);
        var opened = Assert.Single(helpCase.Notes);
        Assert.Equal(CaseNoteKind.Opened, opened.Kind);
        Assert.Contains("we are stuck, need help", opened.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pressed_4_button_opens_a_case()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null));
        var citizen = (await app.AddCitizensAsync(1, sms: false)).Single();

        telegram.EnqueueButtonPress(citizen.TelegramChatId!.Value, "reply:4");

        var helpCase = (await app.UntilAsync(async () => await app.StoredCasesAsync() is { Count: > 0 } found ? found : null, "a case")).Single();
        Assert.Equal(citizen.Id, helpCase.CitizenId);
        Assert.Equal(ChannelKind.Telegram, helpCase.Channel);
        Assert.Equal("Telegram: pressed 4", helpCase.Notes.Single().Text);
    }

    [Fact]
    public async Task Asking_again_adds_to_the_case_and_asking_after_it_was_resolved_reopens_it()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        await app.ReplyAsync(citizen.Id, "4");
        await app.ReplyAsync(citizen.Id, "SOS, still here");
        var id = (await app.StoredCasesAsync()).Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await app.Operator().CaseActionAsync(id, "resolve", new { note = "reached by phone, family on a bus" })).EnsureSuccessStatusCode();

        await app.ReplyAsync(citizen.Id, "help");

        var helpCase = (await app.StoredCasesAsync()).Single();
        Assert.Equal(CaseState.Open, helpCase.State);
        Assert.Equal(3, helpCase.Requests);
        Assert.Null(helpCase.AssignedTo);
        Assert.Equal(
            [CaseNoteKind.Opened, CaseNoteKind.AskedAgain, CaseNoteKind.Resolved, CaseNoteKind.Reopened],
            helpCase.Notes.OrderBy(n => n.Id).Select(n => n.Kind));
    }

    [Fact]
    public async Task Two_calls_for_help_interpreted_in_one_batch_make_one_case()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1, telegram: false)).Single();
        await using (var db = app.Database.Open())
        {
            var now = app.Time.GetUtcNow().UtcDateTime;
            db.Replies.AddRange(
                new Reply { Channel = ChannelKind.Sms, ProviderKey = "SM1", Kind = InboundKind.Text, From = citizen.Phone!, Text = "help", ReceivedAt = now },
                new Reply { Channel = ChannelKind.Sms, ProviderKey = "SM2", Kind = InboundKind.Text, From = citizen.Phone!, Text = "4", ReceivedAt = now });
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await app.Services.GetRequiredService<ReplyInterpreter>().InterpretPendingAsync(TestContext.Current.CancellationToken));

        var helpCase = Assert.Single(await app.StoredCasesAsync());
        Assert.Equal(2, helpCase.Requests);
        Assert.Equal(2, helpCase.Notes.Count);
    }

    [Fact]
    public async Task A_citizen_who_opted_out_still_gets_a_case_but_no_message()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1, shape: (c, _) => c.OptedOut = true)).Single();

        await app.ReplyAsync(citizen.Id, "need help");

        Assert.Equal(citizen.Id, (await app.StoredCasesAsync()).Single().CitizenId);
        Assert.Empty(await app.WithDbAsync(db => db.Deliveries.ToListAsync()));
        var shown = await (await app.Operator().GetAsync("/api/cases")).ReadJsonAsync();
        Assert.True(shown.GetProperty("items")[0].GetProperty("citizen").GetProperty("optedOut").GetBoolean());
    }

    [Fact]
    public async Task A_stranger_asking_for_help_gets_a_case_under_their_number_and_stays_a_reply_to_read()
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(null, twilio));
        const string Stranger = "+380671112233";

        await PostSmsAsync(app, twilio, InboundSmsTests.Inbound("SMs1", Stranger, "help please"));
        await PostSmsAsync(app, twilio, InboundSmsTests.Inbound("SMs2", Stranger, "SOS"));

        var helpCase = Assert.Single(await app.StoredCasesAsync());
        Assert.Null(helpCase.CitizenId);
        Assert.Equal(Stranger, helpCase.Sender);
        Assert.Equal(2, helpCase.Requests);
        Assert.Equal(0, await app.WithDbAsync(db => db.Citizens.CountAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Replies.CountAsync(r => r.Unhandled)));
        var shown = await (await app.Viewer().GetAsync("/api/cases")).ReadJsonAsync();
        Assert.Equal("+*********233", shown.GetProperty("items")[0].GetProperty("sender").GetString());
    }

    [Fact]
    public async Task Other_replies_open_no_case()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1)).Single();

        foreach (var text in new[] { "1", "on my way", "staying", "ROUTE", "what?" })
        {
            await app.ReplyAsync(citizen.Id, text);
        }

        Assert.Empty(await app.StoredCasesAsync());
        Assert.NotEqual(JourneyStatus.NeedsHelp, (await app.WithDbAsync(db => db.Citizens.SingleAsync())).Status);
    }
}
