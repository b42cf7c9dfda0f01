using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Core.Routes;
using Evacuation.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.BadInput;

/// <summary>
/// The hostile-input corpus (<see cref="Corpus"/>) against the whole service, on SQLite and PostgreSQL: every request
/// is answered without a 5xx, every refusal is a problem detail a person can read, and afterwards the service still
/// serves.
/// </summary>
public sealed class BadInputTests
{
    /// <summary>Endpoints that take no input beyond the key: nothing to be hostile with.</summary>
    static readonly string[] NoInput =
    [
        "GET /health", "GET /", "GET /openapi/v1.json", "GET /api/me", "GET /api/stats", "GET /api/stats/timeline",
        "POST /api/cases/take", "GET /api/reports/unconfirmed", "GET /api/reports/call-list", "GET /api/crossings/",
        "GET /api/reminders/", "POST /api/reminders/pause", "POST /api/reminders/resume", "GET /api/keys/",
        "GET /health/ready", "* /metrics", "GET /api/drills/current", "POST /api/drills/clean",
    ];

    [Fact]
    public async Task The_corpus_reaches_every_endpoint_that_takes_input()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var probed = Corpus.All("token", "x").Select(p => p.Endpoint).ToHashSet();
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"));

        var missing = mapped.Except(NoInput).Where(e => !probed.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "no hostile request for: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_hostile_request_is_answered_without_a_server_error_and_the_service_keeps_serving(StorageProvider provider)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync();
        var settings = Providers.LiveAgainst(telegram, twilio);
        settings["Telegram:Updates"] = "Webhook";
        settings["Telegram:WebhookSecret"] = Corpus.TelegramSecret;
        settings["Telegram:WebhookUrl"] = "https://evac.example.org/webhooks/telegram";
        settings["Telegram:BotUsername"] = "evac_test_bot"; // so invitations look the citizen up rather than refuse at once
        await using var app = await EvacuationApp.StartAsync(provider, settings);
        var crossing = app.Services.GetRequiredService<CrossingsFile>().Crossings[0].Id;

        var wrong = new List<string>();
        foreach (var probe in Corpus.All(twilio.AuthToken, crossing))
        {
            if (await CheckAsync(app, probe) is { } problem)
            {
                wrong.Add(problem);
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        var citizen = await app.Operator().PostAsync("/api/citizens", Hostile.Json("""{"name":"After the storm","phone":"+380501119999"}"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, citizen.StatusCode);
    }

    /// <summary>What is wrong with the answer to <paramref name="probe"/>, or null when it is what the corpus expects.</summary>
    static async Task<string?> CheckAsync(EvacuationApp app, Probe probe)
    {
        using var request = new HttpRequestMessage(probe.Method, probe.Path) { Content = probe.Content() };
        foreach (var (name, value) in probe.Headers)
        {
            request.Headers.Add(name, value);
        }
        if (probe.Headers.Count == 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EvacuationApp.AdminKey);
        }
        HttpResponseMessage response;
        try
        {
            response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"{probe}: threw {e.GetType().Name}: {e.Message}";
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500 || (probe.Expect is Expect.Refused or Expect.RefusedPage && status is < 400 or >= 500))
            {
                return $"{probe}: {status} {await response.Content.ReadAsStringAsync()}";
            }
            if (probe.Expect == Expect.RefusedPage)
            {
                return await NotAPlainPageAsync(probe, response);
            }
            return status >= 400 ? await NotAProblemAsync(probe, response) : null;
        }
    }

    /// <summary>A citizen's browser gets a page, not JSON, and the page repeats nothing of what it was sent.</summary>
    static async Task<string?> NotAPlainPageAsync(Probe probe, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var sent = Uri.UnescapeDataString(probe.Path[(probe.Path.LastIndexOf('/') + 1)..]);
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return $"{probe}: {(int)response.StatusCode} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}";
        }
        return sent.Length > 3 && body.Contains(sent, StringComparison.Ordinal) ? $"{probe}: the page repeats what it was sent" : null;
    }

    static async Task<string?> NotAProblemAsync(Probe probe, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{probe}: {(int)response.StatusCode} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {body}";
        }
        using var problem = JsonDocument.Parse(body);
        var root = problem.RootElement;
        var text = root.TryGetProperty("detail", out var detail) ? detail.GetString() : root.TryGetProperty("title", out var title) ? title.GetString() : null;
        return string.IsNullOrWhiteSpace(text) ? $"{probe}: a problem that says nothing: {body}" : null;
    }
}
