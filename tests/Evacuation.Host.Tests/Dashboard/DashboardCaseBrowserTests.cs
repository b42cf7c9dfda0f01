using System.Net.Http.Json;
using Evacuation.Core.Cases;
using Evacuation.Fakes;
using Evacuation.Host.Tests.Broadcasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Evacuation.Host.Tests.Dashboard;

/// <summary>Help cases and two-person approval in a real browser against the real service. Waits are Playwright's, never sleeps.</summary>
public sealed class DashboardCaseBrowserTests
{
    static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 30_000 };
    static readonly LocatorAssertionsToContainTextOptions PatientlyContains = new() { Timeout = 30_000 };
    static readonly string[] Names = ["Olena Kovalenko", "Taras Melnyk", "Iryna Bondar"];

    static async Task<IPage> SignedInAsync(Chromium chromium, DashboardSite site, string key)
    {
        var page = await chromium.OpenAsync(site.Address);
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.GetByTestId("connection")).ToHaveTextAsync("Live", new() { Timeout = 30_000 });
        return page;
    }

    [Fact]
    public async Task A_duty_officer_takes_the_oldest_case_with_one_click_sees_the_timeline_and_resolves_it()
    {
        await using var site = await DashboardSite.StartAsync();
        var citizens = await site.AddCitizensAsync(3, (c, n) => c.Name = Names[n]);
        using var officer = site.ClientWithKey(EvacuationApp.OperatorKey);
        foreach (var citizen in citizens)
        {
            var reply = await officer.PostAsJsonAsync("/api/sandbox/replies", new { citizenId = citizen.Id, channel = "Sms", text = "we need help, car broke down" }, TestContext.Current.CancellationToken);
            reply.EnsureSuccessStatusCode();
        }
        await using var chromium = await Chromium.LaunchAsync();
        var page = await SignedInAsync(chromium, site, EvacuationApp.OperatorKey);
        await Expect(page.GetByTestId("cases-open")).ToHaveTextAsync("3", Patiently);

        await page.GetByTestId("take-case").ClickAsync();

        await Expect(page.GetByTestId("case-with")).ToHaveTextAsync("(with duty-officer)", Patiently);
        await Expect(page.GetByTestId("case-person")).ToContainTextAsync("Olena Kovalenko");
        await Expect(page.GetByTestId("case-timeline")).ToContainTextAsync("asked for help");
        await Expect(page.GetByTestId("case-notes")).ToContainTextAsync("car broke down");
        await Expect(page.GetByTestId("cases-assigned")).ToHaveTextAsync("1", Patiently);
        await Expect(page.GetByTestId("call-list")).ToContainTextAsync("Assigned (duty-officer)", PatientlyContains);
        await page.GetByTestId("case-note").FillAsync("Reached by phone: a neighbour drives them to Shehyni at 6.");
        await page.Locator("section[aria-labelledby=h-cases]").ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "cases.png") });

        await page.GetByTestId("case-resolve").ClickAsync();

        await Expect(page.GetByTestId("case-state")).ToHaveTextAsync("Resolved", Patiently);
        await Expect(page.GetByTestId("case-notes")).ToContainTextAsync("neighbour drives them");
        await Expect(page.GetByTestId("case-timeline")).ToContainTextAsync("resolved");
        await Expect(page.GetByTestId("cases-open")).ToHaveTextAsync("2", Patiently);
        await using var db = site.Open();
        var resolved = await db.HelpCases.SingleAsync(c => c.State == CaseState.Resolved, TestContext.Current.CancellationToken);
        Assert.Equal(citizens[0].Id, resolved.CitizenId);
        Assert.Equal("duty-officer", resolved.ResolvedBy);
        Assert.Equal(["case.assign duty-officer", "case.resolve duty-officer"],
            await db.AuditEntries.Where(a => a.Action.StartsWith("case.")).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Actor).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_viewer_sees_the_cases_but_cannot_take_one()
    {
        await using var site = await DashboardSite.StartAsync();
        var citizen = (await site.AddCitizensAsync(1)).Single();
        using var officer = site.ClientWithKey(EvacuationApp.OperatorKey);
        (await officer.PostAsJsonAsync("/api/sandbox/replies", new { citizenId = citizen.Id, channel = "Sms", text = "4" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await SignedInAsync(chromium, site, EvacuationApp.ViewerKey);

        await Expect(page.GetByTestId("cases-open")).ToHaveTextAsync("1", Patiently);
        await Expect(page.GetByTestId("take-case")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("case-row").First).ToContainTextAsync("+*********000");
    }

    [Fact]
    public async Task A_large_live_broadcast_waits_on_the_dashboard_until_a_second_operator_approves_it()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var site = await DashboardSite.StartAsync(ApprovalFlowTests.Settings(telegram));
        await site.AddCitizensAsync(60, (c, _) => c.Phone = null);
        await using var chromium = await Chromium.LaunchAsync();

        var requester = await SignedInAsync(chromium, site, EvacuationApp.OperatorKey);
        await requester.ClickAsync("#dry-run");
        await Expect(requester.GetByTestId("confirm-send")).ToHaveTextAsync("Send to 60 recipients", Patiently);
        await requester.GetByTestId("confirm-send").ClickAsync();
        await Expect(requester.GetByTestId("compose-notice")).ToContainTextAsync("Waiting for a second operator", PatientlyContains);
        var mine = requester.GetByTestId("approval");
        await Expect(mine).ToContainTextAsync("You asked for this", PatientlyContains);
        await Expect(mine.GetByTestId("approval-approve")).ToHaveCountAsync(0);

        var approver = await SignedInAsync(chromium, site, ApprovalFlowTests.SecondOperatorKey);
        var waiting = approver.GetByTestId("approval");
        await Expect(waiting).ToContainTextAsync("asked by duty-officer", PatientlyContains);
        await Expect(waiting.GetByTestId("approval-estimate")).ToContainTextAsync("60 recipients: 60 by Telegram");
        await approver.GetByTestId("approvals-panel").ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "approval.png") });
        Assert.Empty(telegram.SentMessages);

        await waiting.GetByTestId("approval-approve").DblClickAsync();

        await Expect(approver.GetByTestId("approvals-panel")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(approver.Locator("[data-testid=broadcast] .state").First).ToHaveTextAsync("Completed", Patiently);
        await Expect(requester.GetByTestId("approvals-panel")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.Equal(60, telegram.SentMessages.Count);
        await using var db = site.Open();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "broadcast.approve" && a.Actor == "second-officer", TestContext.Current.CancellationToken));
    }
}
