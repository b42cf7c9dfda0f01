using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Evacuation.Host.Tests.Dashboard;

/// <summary>An Admin starts a short drill from the dashboard and watches it come alive, then cleans it away.</summary>
public sealed partial class DrillDashboardTests
{
    static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 60_000 };
    static readonly LocatorAssertionsToBeVisibleOptions VisiblePatiently = new() { Timeout = 60_000 };

    [GeneratedRegex("^[1-9][0-9,]*$")]
    private static partial Regex SomeNumber();

    [Fact]
    public async Task A_drill_started_from_the_dashboard_shows_a_banner_and_its_counters_move_apart_from_the_real_ones()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.AddCitizensAsync(3);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);
        await page.FillAsync("#api-key", EvacuationApp.AdminKey);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.GetByTestId("drill-none")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("drill-banner")).ToBeHiddenAsync();

        await page.FillAsync("#drill-citizens", "40");
        await page.FillAsync("#drill-minutes", "0.2");
        await page.ClickAsync("#drill-start");

        await Expect(page.GetByTestId("drill-banner")).ToBeVisibleAsync(VisiblePatiently);
        await Expect(page.GetByTestId("drill-state")).ToHaveTextAsync("DRILL Running", Patiently);
        await Expect(page.GetByTestId("drill-Departed")).ToHaveTextAsync(SomeNumber(), Patiently);
        await Expect(page.GetByTestId("drill-replies")).ToHaveTextAsync(SomeNumber());
        await Expect(page.GetByTestId("drill-messages")).ToHaveTextAsync(SomeNumber());
        await Expect(page.GetByTestId("citizens-total")).ToHaveTextAsync("3");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "drill.png"), FullPage = true });

        await Expect(page.GetByTestId("drill-state")).ToHaveTextAsync("DRILL Finished", Patiently);
        await Expect(page.GetByTestId("drill-banner")).ToBeHiddenAsync();
        await page.ClickAsync("#drill-clean");
        await Expect(page.GetByTestId("drill-none")).ToBeVisibleAsync(VisiblePatiently);
        await Expect(page.GetByTestId("citizens-total")).ToHaveTextAsync("3");
    }

    [Fact]
    public async Task An_operator_sees_the_drill_but_cannot_start_or_clean_one()
    {
        await using var site = await DashboardSite.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(site.Address);
        await page.FillAsync("#api-key", EvacuationApp.OperatorKey);
        await page.ClickAsync("#sign-in-form button[type=submit]");

        await Expect(page.GetByTestId("drill-none")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("drill-start")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("drill-clean")).ToBeDisabledAsync();
    }
}
