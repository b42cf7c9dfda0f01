using System.Net;
using Evacuation.Host.Telegram;
using Evacuation.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Limits;

/// <summary>
/// Behind a reverse proxy every request arrives from the proxy's address. A trusted proxy's X-Forwarded-For gives each
/// client its own per-address count; anyone else's X-Forwarded-For is ignored, so it cannot be forged to dodge limits.
/// </summary>
public sealed class TrustedProxyTests
{
    const string Peer = "X-Test-Peer";

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The in-memory server has no socket: this sets the connection's address, as Kestrel would, from a test header.</summary>
    sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Peer].ToString());
                return following(context);
            });
            next(app);
        };
    }

    static Task<EvacuationApp> StartAsync(string? trusted) =>
        EvacuationApp.StartAsync(StorageProvider.Sqlite,
            new() { ["Limits:PerAddressPerMinute"] = "2", ["Proxy:TrustedProxies:0"] = trusted },
            services => services.AddSingleton<IStartupFilter, PeerFromHeader>());

    static async Task<HttpStatusCode> PostWebhookAsync(EvacuationApp app, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramEndpoints.WebhookPath) { Content = new StringContent("{}") };
        request.Headers.Add(Peer, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await app.CreateClient().SendAsync(request, Cancel)).StatusCode;
    }

    [Fact]
    public async Task Clients_behind_a_trusted_proxy_are_counted_one_by_one()
    {
        await using var app = await StartAsync("10.0.0.0/24");

        var first = new[]
        {
            await PostWebhookAsync(app, "10.0.0.5", "203.0.113.1"),
            await PostWebhookAsync(app, "10.0.0.5", "203.0.113.1"),
            await PostWebhookAsync(app, "10.0.0.5", "203.0.113.1"),
        };
        var other = await PostWebhookAsync(app, "10.0.0.5", "203.0.113.2");

        Assert.NotEqual((HttpStatusCode)429, first[0]);
        Assert.NotEqual((HttpStatusCode)429, first[1]);
        Assert.Equal((HttpStatusCode)429, first[2]);
        Assert.NotEqual((HttpStatusCode)429, other);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.0.0.0/24")]
    public async Task An_untrusted_sender_cannot_dodge_the_limit_with_a_forged_header(string? trusted)
    {
        await using var app = await StartAsync(trusted);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await PostWebhookAsync(app, "198.51.100.9", $"203.0.113.{i + 10}"));
        }

        Assert.NotEqual((HttpStatusCode)429, answers[0]);
        Assert.NotEqual((HttpStatusCode)429, answers[1]);
        Assert.Equal((HttpStatusCode)429, answers[2]);
    }
}
