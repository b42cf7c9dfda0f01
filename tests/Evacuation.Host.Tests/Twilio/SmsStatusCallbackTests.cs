using System.Net;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Twilio;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Twilio;

/// <summary><c>POST /webhooks/twilio/status</c>: signed by Twilio or refused, and status only ever moves forward.</summary>
public sealed class SmsStatusCallbackTests
{
    sealed record Sent(EvacuationApp App, FakeTwilioServer Twilio, Delivery Delivery) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    static async Task<Sent> SendOneSmsAsync(StorageProvider provider = StorageProvider.Sqlite)
    {
        var twilio = await FakeTwilioServer.StartAsync();
        var app = await EvacuationApp.StartAsync(provider, Providers.LiveAgainst(null, twilio));
        await app.AddCitizensAsync(1, telegram: false);
        var id = await app.BroadcastAsync(new { kind = "Advisory", channels = "Sms" });
        await app.UntilStateAsync(id, "Completed");
        return new(app, twilio, (await app.DeliveriesAsync()).Single());
    }

    static string PathFor(Guid deliveryId) => $"/webhooks/twilio/status?deliveryId={deliveryId}";

    static async Task<HttpResponseMessage> PostAsync(Sent sent, string path, IReadOnlyList<KeyValuePair<string, string>> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }
        return await sent.App.CreateClient().SendAsync(request);
    }

    static List<KeyValuePair<string, string>> Callback(Sent sent, string status, string? errorCode = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", sent.Twilio.AccountSid),
            new("MessageSid", sent.Delivery.ProviderMessageId!),
            new("MessageStatus", status),
            new("To", sent.Delivery.Address),
        };
        if (errorCode is not null)
        {
            form.Add(new("ErrorCode", errorCode));
        }
        return form;
    }

    static Task<HttpResponseMessage> PostSignedAsync(Sent sent, string path, List<KeyValuePair<string, string>> form) =>
        PostAsync(sent, path, form, FakeTwilioServer.Sign(sent.Twilio.AuthToken, Providers.PublicBaseUrl + path, form));

    static Task<DeliveryState> StateAsync(Sent sent) =>
        sent.App.WithDbAsync(db => db.Deliveries.Where(d => d.Id == sent.Delivery.Id).Select(d => d.State).SingleAsync());

    [Theory]
    [MemberData(nameof(Evacuation.Testing.TestDatabase.Providers), MemberType = typeof(Evacuation.Testing.TestDatabase))]
    public async Task A_signed_delivered_callback_marks_the_delivery_delivered_and_a_late_sent_never_moves_it_back(StorageProvider provider)
    {
        await using var sent = await SendOneSmsAsync(provider);
        var path = PathFor(sent.Delivery.Id);

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(sent, path, Callback(sent, "delivered"))).StatusCode);
        Assert.Equal(DeliveryState.Delivered, await StateAsync(sent));
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(sent, path, Callback(sent, "sent"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(sent, path, Callback(sent, "failed", "30003"))).StatusCode);

        Assert.Equal(DeliveryState.Delivered, await StateAsync(sent));
        var progress = await sent.App.ProgressAsync(sent.Delivery.BroadcastId.ToString());
        Assert.Equal(1, progress.GetProperty("delivered").GetInt64());
    }

    [Fact]
    public async Task A_callback_found_by_message_sid_alone_is_applied()
    {
        await using var sent = await SendOneSmsAsync();
        const string path = "/webhooks/twilio/status";

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(sent, path, Callback(sent, "undelivered", "30005"))).StatusCode);

        Assert.Equal(DeliveryState.Undeliverable, await StateAsync(sent));
        Assert.True(await sent.App.WithDbAsync(db => db.Citizens.Select(c => c.SmsUnreachable).SingleAsync()));
    }

    public static Labelled<string?> ForgedSignatures => new()
    {
        { "no signature header", null },
        { "a signature from another token", FakeTwilioServer.Sign("another_token_0123456789abcdef", Providers.PublicBaseUrl + "/webhooks/twilio/status", []) },
        { "garbage", "not-a-signature" },
    };

    [Theory]
    [MemberData(nameof(ForgedSignatures))]
    public async Task A_callback_without_a_valid_signature_is_403_and_changes_nothing(string? signature)
    {
        await using var sent = await SendOneSmsAsync();

        var response = await PostAsync(sent, PathFor(sent.Delivery.Id), Callback(sent, "delivered"), signature);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(DeliveryState.Sent, await StateAsync(sent));
    }

    [Fact]
    public async Task A_signature_made_for_another_url_is_refused()
    {
        await using var sent = await SendOneSmsAsync();
        var form = Callback(sent, "delivered");
        var signedForOther = FakeTwilioServer.Sign(sent.Twilio.AuthToken, "http://localhost" + PathFor(sent.Delivery.Id), form);

        var response = await PostAsync(sent, PathFor(sent.Delivery.Id), form, signedForOther);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_for_an_unknown_delivery_is_acknowledged_and_ignored()
    {
        await using var sent = await SendOneSmsAsync();

        var response = await PostSignedAsync(sent, PathFor(Guid.NewGuid()), Callback(sent, "delivered"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DeliveryState.Sent, await StateAsync(sent));
    }

    public static Labelled<string, string> Malformed => new()
    {
        { "an unknown status", "/webhooks/twilio/status?deliveryId=" + Guid.Empty, "exploded" },
        { "a delivery id that is not an id", "/webhooks/twilio/status?deliveryId=12", "delivered" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_signed_callback_is_400(string path, string status)
    {
        await using var sent = await SendOneSmsAsync();

        var response = await PostSignedAsync(sent, path, Callback(sent, status));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(DeliveryState.Sent, await StateAsync(sent));
    }

    [Fact]
    public async Task A_signed_callback_naming_no_delivery_is_400()
    {
        await using var sent = await SendOneSmsAsync();
        var form = new List<KeyValuePair<string, string>> { new("MessageStatus", "delivered") };

        var response = await PostSignedAsync(sent, "/webhooks/twilio/status", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Callbacks_are_refused_while_sms_is_a_sandbox()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        using var content = new FormUrlEncodedContent([new("MessageStatus", "delivered"), new("MessageSid", "SM1")]);

        var response = await app.CreateClient().PostAsync("/webhooks/twilio/status", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
