using Microsoft.Playwright;

namespace Evacuation.Host.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright, headless. Tests using it are skipped unless <c>EVAC_TEST_CHROMIUM</c>
/// names the browser (<c>.ci/run</c> sets it to /usr/bin/chromium); Playwright downloads no browser of its own.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string Variable = "EVAC_TEST_CHROMIUM";

    readonly IPlaywright playwright;

    Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Where the tests leave their screenshots: a folder under the test output.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<Chromium> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        Assert.SkipWhen(string.IsNullOrEmpty(path), $"Browser tests need {Variable} (e.g. /usr/bin/chromium); .ci/run sets it.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            Headless = true,
            ExecutablePath = path,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh tab (its own session storage) on the dashboard, in a laptop-sized window.</summary>
    public async Task<IPage> OpenAsync(Uri site)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, ColorScheme = ColorScheme.Dark });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.ToString());
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
