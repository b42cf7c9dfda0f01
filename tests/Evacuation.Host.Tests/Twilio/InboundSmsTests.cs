using System.Net.Http.Json;
using System.Net;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Replies;
using Evacuation.Host.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Twilio;

/// <summary>
/// <c>POST /webhooks/twilio/sms</c>: signed by Twilio or refused, stored once, interpreted, acknowledged through the outbox.
/// Recorded payloads (replays, opt-out, media, unknown senders, JOIN) are in <see cref="SmsPayloadTests"/>.
/// </summary>
public sealed class InboundSmsTests
{
    sealed record Setup(EvacuationApp App, FakeTwilioServer Twilio, Citizen Citizen) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    static async Task<Setup> StartAsync(string language = "en")
    {
        var twilio = await FakeTwilioServer.StartAsync();
        var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(null, twilio));
        var citizen = (await app.AddCitizensAsync(1, telegram: false, shape: (c, _) => c.Language = language)).Single();
        return new(app, twilio, citizen);
    }

    internal static List<KeyValuePair<string, string>> Inbound(string sid, string from, string body) =>
    [
        new("AccountSid", "AC00000000000000000000000000000000"),
        new("Body", body),
        new("From", from),
        new("MessageSid", sid),
        new("NumMedia", "0"),
        new("To", "+15005550006"),
    ];

    static async Task<HttpResponseMessage> PostAsync(Setup s, List<KeyValuePair<string, string>> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioEndpoints.InboundSmsPath) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }
        return await s.App.CreateClient().SendAsync(request);
    }

    static Task<HttpResponseMessage> PostSignedAsync(Setup s, List<KeyValuePair<string, string>> form) =>
        PostAsync(s, form, FakeTwilioServer.Sign(s.Twilio.AuthToken, Providers.PublicBaseUrl + TwilioEndpoints.InboundSmsPath, form));

    static async Task InterpretAsync(Setup s) =>
        await s.App.InterpretRepliesAsync();

    static Task<Citizen> CitizenAsync(Setup s) => s.App.WithDbAsync(db => db.Citizens.AsNoTracking().SingleAsync(c => c.Id == s.Citizen.Id));

    static Task<List<Delivery>> AnswersAsync(Setup s) =>
        s.App.WithDbAsync(db => db.Deliveries.AsNoTracking().Where(d => d.CitizenId == s.Citizen.Id).ToListAsync());

    public static Labelled<string, JourneyStatus> Statuses => new()
    {
        { "code 1 is departed", "1", JourneyStatus.Departed },
        { "english words are on the way", "on my way now", JourneyStatus.OnTheWay },
        { "ukrainian staying", "залишаюся", JourneyStatus.Staying },
        { "help wins over left", "I left but need help", JourneyStatus.NeedsHelp },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task A_signed_reply_changes_the_status_and_is_acknowledged_once(string body, JourneyStatus expected)
    {
        await using var s = await StartAsync();

        var response = await PostSignedAsync(s, Inbound("SM" + Guid.NewGuid().ToString("N"), s.Citizen.Phone!, body));
        await InterpretAsync(s);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<Response></Response>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var citizen = await CitizenAsync(s);
        Assert.Equal(expected, citizen.Status);
        Assert.Equal(expected == JourneyStatus.NeedsHelp, citizen.EscalatedAt is not null);
        var answer = Assert.Single(await AnswersAsync(s));
        Assert.Equal(Acknowledgements.For(ReplyMeaning.Of(expected), "en"), answer.Text);
    }

    public static Labelled<string?> BadSignatures => new()
    {
        { "missing header", null },
        { "wrong signature", "bm90IGEgc2lnbmF0dXJl" },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task An_unsigned_or_wrongly_signed_message_is_refused_and_nothing_is_stored(string? signature)
    {
        await using var s = await StartAsync();

        var response = await PostAsync(s, Inbound("SMbad", s.Citizen.Phone!, "1"), signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Replies.CountAsync()));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        await using var s = await StartAsync();

        var response = await PostSignedAsync(s, Inbound("SMbig", s.Citizen.Phone!, new string('x', 70_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Replies.CountAsync()));
    }

    [Fact]
    public async Task A_signed_form_without_message_sid_is_a_bad_request_and_nothing_is_stored()
    {
        await using var s = await StartAsync();
        List<KeyValuePair<string, string>> form = [new("From", s.Citizen.Phone!), new("Body", "1")];

        Assert.Equal(HttpStatusCode.BadRequest, (await PostSignedAsync(s, form)).StatusCode);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Replies.CountAsync()));
    }

    [Fact]
    public async Task A_reply_whose_effects_cannot_be_written_is_stored_set_aside_for_a_person_and_blocks_no_other()
    {
        await using var s = await StartAsync();
        // The database refuses this citizen's timeline entry for one particular text, as a full disk or a bug might.
        await s.App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_poison BEFORE INSERT ON citizen_events WHEN NEW.Detail LIKE '%poison%' BEGIN SELECT RAISE(ABORT, 'refused'); END;"));

        var response = await PostSignedAsync(s, Inbound("SMpoison", s.Citizen.Phone!, "poison 1"));
        await InterpretAsync(s);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await s.App.WithDbAsync(db => db.Replies.AsNoTracking().SingleAsync(r => r.ProviderKey == "SMpoison"));
        Assert.True(reply.Unhandled);
        Assert.NotNull(reply.InterpretedAt);
        Assert.StartsWith("could not be interpreted", reply.Meaning);
        Assert.Equal(JourneyStatus.Unconfirmed, (await CitizenAsync(s)).Status);

        await PostSignedAsync(s, Inbound("SMfine", s.Citizen.Phone!, "1"));
        await InterpretAsync(s);
        Assert.Equal(JourneyStatus.Departed, (await CitizenAsync(s)).Status);
    }

    [Fact]
    public async Task A_reply_that_arrives_while_an_older_one_waits_is_acted_on_after_it()
    {
        await using var s = await StartAsync();
        // "On the way", stored before a crash and not interpreted yet.
        await s.App.WithDbAsync(async db =>
        {
            db.Replies.Add(new Reply
            {
                Channel = Core.Channels.ChannelKind.Sms,
                ProviderKey = "SMolder",
                Kind = InboundKind.Text,
                From = s.Citizen.Phone!,
                Text = "2",
                ReceivedAt = s.App.Time.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        await PostSignedAsync(s, Inbound("SMnewer", s.Citizen.Phone!, "1"));
        await InterpretAsync(s);

        Assert.Equal(JourneyStatus.Departed, (await CitizenAsync(s)).Status);
    }

    [Fact]
    public async Task Gibberish_is_kept_as_unhandled_and_answered_with_the_reply_codes()
    {
        await using var s = await StartAsync();

        await PostSignedAsync(s, Inbound("SMwhat", s.Citizen.Phone!, "purple elephant"));
        await InterpretAsync(s);

        var unhandled = await s.App.Viewer().GetStringAsync("/api/replies?unhandled=true", TestContext.Current.CancellationToken);
        Assert.Contains("purple elephant", unhandled);
        var answer = Assert.Single(await AnswersAsync(s));
        Assert.Contains(Core.Broadcasts.ReplyCodeLine.For("en"), answer.Text);
    }

    /// <summary>With SMS live, a reply typed in by an operator would speak for a real person: refused, nothing stored.</summary>
    [Fact]
    public async Task A_sandbox_reply_for_a_live_channel_is_refused()
    {
        await using var s = await StartAsync();

        var response = await s.App.Operator().PostAsJsonAsync("/api/sandbox/replies",
            new { citizenId = s.Citizen.Id.ToString(), channel = "sms", text = "STOP" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Sms is live", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.False((await CitizenAsync(s)).OptedOut);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Replies.CountAsync()));
    }
}
