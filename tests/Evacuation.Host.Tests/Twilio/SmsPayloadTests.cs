using System.Net.Http.Headers;
using System.Net;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Replies;
using Evacuation.Host.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Twilio;

/// <summary>
/// Recorded, scrubbed Twilio inbound webhooks (Twilio/Payloads/twilio-*.txt): the raw form body exactly as Twilio posts
/// it (https://www.twilio.com/docs/messaging/guides/webhook-request), every parameter kept, phone numbers replaced by
/// fake ones (+380500000001 is the registered citizen, +15005550006 our number) and SIDs made up. Each is signed with
/// the test's auth token, posted to <c>/webhooks/twilio/sms</c> and interpreted; the table says what must follow.
/// </summary>
public sealed class SmsPayloadTests
{
    const string Registered = "+380500000001";

    /// <param name="Status">The registered citizen's status afterwards.</param>
    /// <param name="Unhandled">Whether the stored reply waits for a person in <c>GET /api/replies?unhandled=true</c>.</param>
    /// <param name="Answers">Acknowledgements queued in the outbox.</param>
    /// <param name="Enrolled">A sender enrolled by this message.</param>
    public sealed record Outcome(JourneyStatus Status, bool Unhandled, int Answers, bool OptedOut = false, string? Enrolled = null);

    public static Labelled<string, bool, int, Outcome> Messages => new()
    {
        // label, file, opted out before, times posted, outcome
        { "a reply code", "twilio-code.txt", false, 1, new(JourneyStatus.Departed, Unhandled: false, Answers: 1) },
        { "Ukrainian words", "twilio-ukrainian.txt", false, 1, new(JourneyStatus.OnTheWay, Unhandled: false, Answers: 1) },
        { "Hebrew words", "twilio-hebrew.txt", false, 1, new(JourneyStatus.Staying, Unhandled: false, Answers: 1) },
        { "Russian words", "twilio-russian.txt", false, 1, new(JourneyStatus.NeedsHelp, Unhandled: false, Answers: 1) },
        { "an MMS with two photos and a code", "twilio-photo-and-text.txt", false, 1, new(JourneyStatus.OnTheWay, Unhandled: false, Answers: 1) },
        { "an MMS with two photos and no text", "twilio-photo-only.txt", false, 1, new(JourneyStatus.Unconfirmed, Unhandled: true, Answers: 1) },
        // Twilio answers its standard opt-out and opt-in keywords itself (and blocks our messages after STOP), so we add no answer.
        { "STOP opts out", "twilio-stop.txt", false, 1, new(JourneyStatus.Unconfirmed, Unhandled: false, Answers: 0, OptedOut: true) },
        { "START opts back in", "twilio-start.txt", true, 1, new(JourneyStatus.Unconfirmed, Unhandled: false, Answers: 0, OptedOut: false) },
        { "the same MessageSid twice has one effect", "twilio-code.txt", false, 2, new(JourneyStatus.Departed, Unhandled: false, Answers: 1) },
        { "an unknown sender is kept for a person", "twilio-unknown-sender.txt", false, 1, new(JourneyStatus.Unconfirmed, Unhandled: true, Answers: 0) },
        { "JOIN from an unknown sender enrols them", "twilio-join-unknown.txt", false, 1, new(JourneyStatus.Unconfirmed, Unhandled: false, Answers: 1, Enrolled: "+380509999998") },
        { "a 1,600-character story", "twilio-long-1600.txt", false, 1, new(JourneyStatus.Unconfirmed, Unhandled: true, Answers: 1) },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_recorded_inbound_sms_is_stored_once_and_has_its_expected_effect(string file, bool optedOut, int posts, Outcome expected)
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(null, twilio));
        var citizen = (await app.AddCitizensAsync(1, telegram: false, shape: (c, _) => (c.Language, c.Phone, c.OptedOut) = ("en", Registered, optedOut))).Single();
        var body = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Twilio", "Payloads", file), TestContext.Current.CancellationToken);

        for (var i = 0; i < posts; i++)
        {
            var response = await PostSignedAsync(app, twilio.AuthToken, body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<Response></Response>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        await app.InterpretRepliesAsync();

        var reply = Assert.Single(await app.WithDbAsync(db => db.Replies.AsNoTracking().ToListAsync()));
        Assert.Equal(expected.Unhandled, reply.Unhandled);
        var after = await app.WithDbAsync(db => db.Citizens.AsNoTracking().SingleAsync(c => c.Id == citizen.Id));
        Assert.Equal(expected.Status, after.Status);
        Assert.Equal(expected.OptedOut, after.OptedOut);
        var answers = await app.WithDbAsync(db => db.Deliveries.AsNoTracking().ToListAsync());
        Assert.Equal(expected.Answers, answers.Count);
        if (expected.Enrolled is { } phone)
        {
            var enrolled = await app.WithDbAsync(db => db.Citizens.AsNoTracking().SingleAsync(c => c.Phone == phone));
            Assert.Equal("citizen", enrolled.CreatedBy);
            Assert.Equal(enrolled.Id, Assert.Single(answers).CitizenId);
        }
    }

    [Fact]
    public async Task Every_recorded_payload_carries_every_parameter_twilio_sends()
    {
        string[] always =
        [
            "ToCountry", "ToState", "SmsMessageSid", "NumMedia", "ToCity", "FromZip", "SmsSid", "FromState", "SmsStatus", "FromCity",
            "Body", "FromCountry", "To", "MessagingServiceSid", "ToZip", "NumSegments", "MessageSid", "AccountSid", "From", "ApiVersion",
        ];
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Twilio", "Payloads"), "twilio-*.txt");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var form = Pairs(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            var keys = form.Select(p => p.Key).ToHashSet();
            Assert.All(always, key => Assert.Contains(key, keys));
            var media = int.Parse(form.Single(p => p.Key == "NumMedia").Value, System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < media; i++)
            {
                Assert.Contains($"MediaUrl{i}", keys);
                Assert.Contains($"MediaContentType{i}", keys);
            }
        }
    }

    /// <summary>Posts the recorded bytes untouched, signed over their decoded pairs as Twilio signs them.</summary>
    static async Task<HttpResponseMessage> PostSignedAsync(EvacuationApp app, string authToken, string body)
    {
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioEndpoints.InboundSmsPath) { Content = content };
        request.Headers.Add("X-Twilio-Signature", FakeTwilioServer.Sign(authToken, Providers.PublicBaseUrl + TwilioEndpoints.InboundSmsPath, Pairs(body)));
        return await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    static List<KeyValuePair<string, string>> Pairs(string body) =>
    [
        .. body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            return at < 0
                ? new KeyValuePair<string, string>(WebUtility.UrlDecode(pair), "")
                : new KeyValuePair<string, string>(WebUtility.UrlDecode(pair[..at]), WebUtility.UrlDecode(pair[(at + 1)..]));
        }),
    ];
}
