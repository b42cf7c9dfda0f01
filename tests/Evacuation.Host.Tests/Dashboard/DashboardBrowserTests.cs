using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Evacuation.Host.Tests.Dashboard;

/// <summary>The dashboard in a real browser against the real service. Waits are Playwright's waits for a condition on the page, never sleeps.</summary>
public sealed class DashboardBrowserTests
{
    static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 30_000 };

    static async Task SignInAsync(IPage page, string key)
    {
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#sign-in-form button[type=submit]");
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_the_right_key_shows_the_live_counters()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.AddCitizensAsync(5);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);

        await SignInAsync(page, "not-a-key-0123456789abcdef");
        await Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync("That key was not accepted.");

        await SignInAsync(page, EvacuationApp.OperatorKey);
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("duty-officer (Operator)");
        await Expect(page.GetByTestId("citizens-total")).ToHaveTextAsync("5");
        await Expect(page.GetByTestId("count-Unconfirmed")).ToHaveTextAsync("5");
        await Expect(page.GetByTestId("people-remaining")).ToHaveTextAsync("10");
        await Expect(page.GetByTestId("connection")).ToHaveTextAsync("Live");
        Assert.Equal(EvacuationApp.OperatorKey, await page.EvaluateAsync<string>("sessionStorage.getItem('evac.apiKey')"));
    }

    [Fact]
    public async Task The_estimate_says_how_long_reaching_everyone_takes_and_warns_when_the_expiry_comes_first()
    {
        // One SMS segment a second: 120 citizens' advisories take minutes, longer than the three the operator allows.
        await using var site = await DashboardSite.StartAsync(new() { ["Deliveries:Pacing"] = "true", ["Twilio:SegmentsPerSecond"] = "1" });
        await site.AddCitizensAsync(120);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);
        await SignInAsync(page, EvacuationApp.OperatorKey);

        await page.SelectOptionAsync("#compose-channels", "Sms");
        await page.CheckAsync("#compose-urgent");
        // The operator's own clock: datetime-local takes local time, three minutes from now.
        await page.EvaluateAsync("""
            () => {
              const at = new Date(Date.now() + 3 * 60000);
              const pad = (n) => String(n).padStart(2, '0');
              document.getElementById('compose-expires').value =
                `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
            }
            """);
        await page.ClickAsync("#dry-run");

        await Expect(page.Locator("#estimate-eta")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^sms about \d+ min \d+ s$"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("estimate-warnings")).ToContainTextAsync("of 120 recipients would not be reached before expiresAt");
        await page.GetByTestId("confirm-send").ClickAsync();

        await Expect(page.GetByTestId("broadcast-eta").First).ToContainTextAsync("left to send: sms about", new() { Timeout = 30_000 });
        await using var db = site.Open();
        var broadcast = await db.Broadcasts.SingleAsync();
        Assert.NotNull(broadcast.ExpiresAt);
        Assert.Equal(Evacuation.Core.Deliveries.DeliveryPriority.Urgent, broadcast.Priority);
    }

    [Fact]
    public async Task An_operator_estimates_confirms_once_and_watches_the_progress_bar_reach_100_percent()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.AddCitizensAsync(300);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);
        await SignInAsync(page, EvacuationApp.OperatorKey);

        await page.SelectOptionAsync("#compose-kind", "Custom");
        await page.SelectOptionAsync("#compose-channels", "Sms");
        await page.FillAsync("textarea[name=text-en]", "Leave now by the nearest crossing.");
        await page.FillAsync("textarea[name=text-he]", "עזבו עכשיו דרך המעבר הקרוב.");
        await page.FillAsync("textarea[name=text-ru]", "Уезжайте сейчас.");
        await page.FillAsync("textarea[name=text-uk]", "Виїжджайте зараз.");
        await page.ClickAsync("#dry-run");

        await Expect(page.GetByTestId("estimate-recipients")).ToHaveTextAsync("300");
        await Expect(page.GetByTestId("ucs2-warning")).ToContainTextAsync("he");
        await Expect(page.GetByTestId("confirm-send")).ToHaveTextAsync("Send to 300 recipients");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "dry-run.png"), FullPage = true });

        // A nervous double-click sends one broadcast.
        await page.GetByTestId("confirm-send").DblClickAsync();

        var bar = page.Locator("[data-testid=broadcast] [role=progressbar]").First;
        await Expect(bar).ToHaveAttributeAsync("aria-valuenow", "100", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=broadcast] .state").First).ToHaveTextAsync("Completed", Patiently);
        await Expect(page.GetByTestId("broadcast-figures").First).ToContainTextAsync("sent 300");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "broadcast-complete.png"), FullPage = true });
        await using var db = site.Open();
        Assert.Equal(1, await db.Broadcasts.CountAsync());
    }

    [Fact]
    public async Task The_broadcast_list_shows_operators_broadcasts_and_reroutes_not_the_answers_to_citizens()
    {
        await using var site = await DashboardSite.StartAsync();
        var now = DateTime.UtcNow;
        await using (var db = site.Open())
        {
            db.Broadcasts.Add(Finished(BroadcastKind.Advisory, "duty-officer", now.AddMinutes(-10)));
            db.Broadcasts.Add(Finished(BroadcastKind.RouteInstructions, "admin", now.AddMinutes(-5)));
            // Newer than both: twelve answers and a reminder round, which would fill a list of the last ten.
            db.Broadcasts.AddRange(Enumerable.Range(1, 12).Select(n => Finished(BroadcastKind.Custom, Authors.Answers, now.AddSeconds(-n))));
            db.Broadcasts.Add(Finished(BroadcastKind.Custom, Authors.Reminders, now));
            await db.SaveChangesAsync();
        }
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);

        await SignInAsync(page, EvacuationApp.ViewerKey);

        var items = page.GetByTestId("broadcast");
        await Expect(items).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(items.Nth(0)).ToContainTextAsync("RouteInstructions");
        await Expect(items.Nth(0)).ToContainTextAsync("by admin");
        await Expect(items.Nth(1)).ToContainTextAsync("Advisory");
        await Expect(items.Nth(1)).ToContainTextAsync("by duty-officer");
    }

    static Broadcast Finished(BroadcastKind kind, string author, DateTime at) => new()
    {
        Kind = kind, State = BroadcastState.Completed, CreatedBy = author, CreatedAt = at, SendAt = at, Recipients = 1, FannedOutAt = at, FinishedAt = at,
    };

    [Fact]
    public async Task Counters_and_the_confirmation_chart_move_when_citizens_confirm()
    {
        await using var site = await DashboardSite.StartAsync();
        var citizens = await site.AddCitizensAsync(20);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);
        await SignInAsync(page, EvacuationApp.ViewerKey);
        await Expect(page.GetByTestId("count-Departed")).ToHaveTextAsync("0");

        // What the replies pipeline records when a citizen answers "1": the status and a status-change event.
        await using (var db = site.Open())
        {
            foreach (var citizen in citizens.Take(7))
            {
                await db.Citizens.Where(c => c.Id == citizen.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, JourneyStatus.Departed));
                db.CitizenEvents.Add(new CitizenEvent { CitizenId = citizen.Id, At = DateTime.UtcNow, Kind = CitizenEventKind.StatusChanged, Actor = "citizen", Detail = "Unconfirmed -> Departed" });
            }
            await db.SaveChangesAsync();
        }

        await Expect(page.GetByTestId("count-Departed")).ToHaveTextAsync("7", Patiently);
        await Expect(page.GetByTestId("count-Unconfirmed")).ToHaveTextAsync("13");
        await Expect(page.GetByTestId("people-remaining")).ToHaveTextAsync("26");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("7 confirmed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "counters.png"), FullPage = true });
    }

    [Fact]
    public async Task A_viewer_sees_everything_but_cannot_send_and_the_service_refuses_it_too()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.AddCitizensAsync(3);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);
        await SignInAsync(page, EvacuationApp.ViewerKey);

        await Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("citizens-total")).ToHaveTextAsync("3");
        await Expect(page.Locator("#dry-run")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("confirm-send")).ToBeDisabledAsync();

        // Even a viewer who gets round the disabled button is refused by the service.
        var status = await page.EvaluateAsync<int>("""
            async () => (await fetch('/api/broadcasts', { method: 'POST',
              headers: { Authorization: 'Bearer ' + sessionStorage.getItem('evac.apiKey'), 'Content-Type': 'application/json' },
              body: JSON.stringify({ kind: 'Advisory' }) })).status
            """);
        Assert.Equal(403, status);
        await using var db = site.Open();
        Assert.Equal(0, await db.Broadcasts.CountAsync());
    }

    [Fact]
    public async Task Script_in_names_and_regions_is_shown_as_text_and_never_runs()
    {
        const string Script = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>";
        await using var site = await DashboardSite.StartAsync();
        await site.AddCitizensAsync(2, (c, _) => { c.Name = Script; c.Region = Script; });
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);
        await SignInAsync(page, EvacuationApp.ViewerKey);

        await Expect(page.GetByTestId("regions").Locator("tbody td").First).ToHaveTextAsync(Script);
        Assert.Equal(0, await page.Locator("#regions img, #regions script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.pwned === undefined"));
    }

    [Fact]
    public async Task The_page_says_it_is_reconnecting_while_the_service_is_unreachable_and_recovers()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.AddCitizensAsync(2);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);
        await SignInAsync(page, EvacuationApp.ViewerKey);
        await Expect(page.GetByTestId("connection")).ToHaveTextAsync("Live");

        // A restart, as the browser sees it: the API stops answering, then answers again.
        await page.RouteAsync("**/api/**", route => route.AbortAsync());
        await Expect(page.GetByTestId("connection")).ToContainTextAsync("Reconnecting", new() { Timeout = 10_000 });
        await page.UnrouteAsync("**/api/**");
        await site.AddCitizensAsync(1, (c, _) => { c.Phone = Some.Phone(99); c.TelegramChatId = 99; });

        await Expect(page.GetByTestId("connection")).ToHaveTextAsync("Live", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("citizens-total")).ToHaveTextAsync("3");
    }
}
