using System.Collections.Concurrent;
using Evacuation.Channels.Twilio;
using Evacuation.Core.Deliveries;
using Evacuation.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Evacuation.Channels.Tests.Fakes;

/// <summary>The fake plays Twilio towards us too: its callbacks must pass our own signature check.</summary>
public sealed class FakeTwilioServerTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://evac.example.org";

    private readonly ConcurrentQueue<(string Path, bool Valid, Dictionary<string, string> Form)> received = new();
    private FakeTwilioServer twilio = null!;
    private WebApplication receiver = null!;
    private string receiverUrl = "";

    public async ValueTask InitializeAsync()
    {
        twilio = await FakeTwilioServer.StartAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        receiver = builder.Build();
        receiver.MapPost("/webhooks/twilio/{kind}", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
            // Checked against the public URL, as the service will, not the address the request reached.
            var url = PublicBaseUrl + context.Request.Path + context.Request.QueryString;
            var valid = TwilioSignature.IsValid(twilio.AuthToken, url, pairs, context.Request.Headers[TwilioSignature.Header]);
            received.Enqueue((context.Request.Path + context.Request.QueryString, valid, pairs.ToDictionary(p => p.Key, p => p.Value)));
            return valid ? Results.Ok() : Results.StatusCode(403);
        });
        await receiver.StartAsync();
        receiverUrl = receiver.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        await receiver.DisposeAsync();
        await twilio.DisposeAsync();
    }

    [Fact]
    public async Task A_status_callback_is_signed_over_the_public_url_and_carries_status_and_error_code()
    {
        const string path = "/webhooks/twilio/status?deliveryId=6f1c0a34-5b8e-4c1e-9a56-0b3f1c2d4e5f";

        using var answer = await twilio.PostStatusCallbackAsync(receiverUrl + path, "SM123", "undelivered", "30005", signedUrl: PublicBaseUrl + path);

        Assert.True(answer.IsSuccessStatusCode);
        var (_, valid, form) = Assert.Single(received);
        Assert.True(valid);
        Assert.Equal("undelivered", form["MessageStatus"]);
        Assert.Equal("30005", form["ErrorCode"]);
        Assert.Equal(DeliveryState.Undeliverable, TwilioStatus.Read(form["MessageStatus"], form["ErrorCode"]));
    }

    [Fact]
    public async Task An_inbound_sms_is_signed_and_carries_from_and_body()
    {
        const string path = "/webhooks/twilio/sms";

        using var answer = await twilio.PostInboundSmsAsync(receiverUrl + path, "+380501234567", "1", signedUrl: PublicBaseUrl + path);

        Assert.True(answer.IsSuccessStatusCode);
        var (_, valid, form) = Assert.Single(received);
        Assert.True(valid);
        Assert.Equal("1", form["Body"]);
        Assert.StartsWith("SM", form["MessageSid"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_signed_over_another_url_is_refused()
    {
        const string path = "/webhooks/twilio/status?deliveryId=1";

        using var answer = await twilio.PostStatusCallbackAsync(receiverUrl + path, "SM1", "delivered");

        Assert.Equal(403, (int)answer.StatusCode);
    }

    [Fact]
    public async Task A_post_without_a_signature_is_refused()
    {
        using var answer = await twilio.PostSignedAsync(receiverUrl + "/webhooks/twilio/sms", [new("Body", "1")], sign: false);

        Assert.Equal(403, (int)answer.StatusCode);
    }
}
