using System.Net;
using Evacuation.Core.CheckIn;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.CheckIn;

/// <summary>The bad input: every one gets a clear page, and nothing is recorded unless it should be, and never twice.</summary>
public sealed class CheckInBadInputTests
{
    const string NotFoundEnglish = "This link does not work. Use the newest link in our messages.";

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef00")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("not-a-token")]
    public async Task A_token_of_the_wrong_shape_is_the_plain_404_page(string token)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var page = await CheckInVisit.OpenAsync(app.CreateClient(), token);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains(NotFoundEnglish, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(token, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_mistyped_and_revoked_links_get_the_same_page_which_reveals_nothing()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var client = app.CreateClient();
        var open = await CheckInVisit.OpenAsync(client, citizen.CheckInToken!);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Operator().DeleteAsync($"/api/citizens/{citizen.Id}/check-in-link")).StatusCode);
        var revoked = await CheckInVisit.OpenAsync(client, citizen.CheckInToken!);
        var unknown = await CheckInVisit.OpenAsync(client, CheckInToken.New());
        var pressAfterRevoke = await open.PressAsync(1);

        foreach (var page in new[] { revoked, unknown, pressAfterRevoke })
        {
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.Equal(Normalised(unknown.Html), Normalised(page.Html));
            Assert.DoesNotContain("Citizen 0", page.Html, StringComparison.Ordinal);
        }
        Assert.Empty(await app.WebRepliesAsync());
    }

    [Fact]
    public async Task A_press_on_a_page_opened_before_the_link_was_rotated_is_refused_and_the_new_link_works()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var client = app.CreateClient();
        var before = await CheckInVisit.OpenAsync(client, citizen.CheckInToken!);

        var rotated = await (await app.Operator().PostAsync($"/api/citizens/{citizen.Id}/check-in-link", null)).ReadJsonAsync();
        var stale = await before.PressAsync(1);
        // The old page's form on the new link: signed for the old token, so refused too.
        var now = await CheckInVisit.OpenAsync(client, rotated.GetProperty("token").GetString()!);
        var crossed = await now.PostAsync(("form", before.Form), ("press", "1"));

        Assert.Equal(HttpStatusCode.NotFound, stale.Status);
        Assert.Contains(NotFoundEnglish, stale.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, crossed.Status);
        Assert.Equal("That press did not come from this page, so nothing was saved. Please press again.", crossed.Text("notice"));
        Assert.Empty(await app.WebRepliesAsync());
        Assert.Equal(HttpStatusCode.OK, (await now.PressAsync(1)).Status);
        Assert.Single(await app.WebRepliesAsync());
    }

    public static TheoryData<string, string[], string?, HttpStatusCode> Forgeries => new()
    {
        { "no form token", ["press=1"], null, HttpStatusCode.Forbidden },
        { "a made-up form token", ["form=0123456789abcdef0123456789abcdef.1795593600.abcdef", "press=1"], null, HttpStatusCode.Forbidden },
        { "another site's Origin", ["form={form}", "press=1"], "https://evil.example", HttpStatusCode.Forbidden },
        { "a button that does not exist", ["form={form}", "press=7"], null, HttpStatusCode.BadRequest },
        { "a location off the globe", ["form={form}", "latitude=91", "longitude=20"], null, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_valid_link_with_a_forged_form_records_nothing_and_says_press_again(string label, string[] fields, string? origin, HttpStatusCode status)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var client = app.CreateClient();
        if (origin is not null)
        {
            client.DefaultRequestHeaders.Add("Origin", origin);
        }
        var page = await CheckInVisit.OpenAsync(client, citizen.CheckInToken!);

        var answer = await page.PostAsync([.. fields.Select(f => f.Split('=', 2)).Select(f => (f[0], f[1].Replace("{form}", page.Form, StringComparison.Ordinal)))]);

        Assert.True(status == answer.Status, $"{label}: {answer.Status}");
        Assert.Equal("That press did not come from this page, so nothing was saved. Please press again.", answer.Text("notice"));
        Assert.Empty(await app.WebRepliesAsync());
        // The page it answers with has a fresh form that works.
        Assert.Equal(HttpStatusCode.OK, (await new CheckInVisit(app.CreateClient(), answer.Path, answer.Html, answer.Status).PressAsync(2)).Status);
    }

    [Fact]
    public async Task A_press_from_our_own_origin_is_accepted()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Web:PublicBaseUrl"] = "https://evac.example.org/" });
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Origin", "https://evac.example.org");
        var page = await CheckInVisit.OpenAsync(client, citizen.CheckInToken!);

        Assert.Equal(HttpStatusCode.OK, (await page.PressAsync(1)).Status);
        Assert.Single(await app.WebRepliesAsync());
    }

    [Fact]
    public async Task A_page_left_open_for_more_than_a_day_asks_for_the_press_again()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var page = await CheckInVisit.OpenAsync(app.CreateClient(), citizen.CheckInToken!);
        app.Time.Advance(FormToken.Lifetime + TimeSpan.FromMinutes(1));

        var late = await page.PressAsync(1);

        Assert.Equal(HttpStatusCode.BadRequest, late.Status);
        Assert.Equal("This page had been open for a long time, so nothing was saved. Please press again.", late.Text("notice"));
        Assert.Empty(await app.WebRepliesAsync());
        Assert.Equal(HttpStatusCode.OK, (await late.PressAsync(1)).Status);
    }

    [Fact]
    public async Task Twenty_presses_a_second_record_one_reply_and_what_is_over_the_limit_is_told_to_wait()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Limits:PerLinkPerMinute"] = "5" });
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var page = await CheckInVisit.OpenAsync(app.CreateClient(), citizen.CheckInToken!);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => page.PressAsync(1)));

        Assert.Equal(4, answers.Count(a => a.Status == HttpStatusCode.OK));
        var limited = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(16, limited.Count);
        Assert.Contains("Too many presses at once. Wait a minute, then try again.", limited[0].Html, StringComparison.Ordinal);
        Assert.Single(await app.WebRepliesAsync());
        Assert.Single(await app.EventsAsync(citizen.Id), e => e.Kind == Core.Citizens.CitizenEventKind.StatusChanged);
    }

    [Fact]
    public async Task One_address_trying_many_links_is_limited_too()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Limits:PerAddressPerMinute"] = "3" });
        var client = app.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await CheckInVisit.OpenAsync(client, CheckInToken.New())).Status);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        // The operators' API is not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await app.Viewer().GetAsync("/api/stats")).StatusCode);
    }

    /// <summary>The 404 page with its one-time style nonce taken out.</summary>
    static string Normalised(string html) => System.Text.RegularExpressions.Regex.Replace(html, "nonce=\"[^\"]+\"", "nonce");
}
