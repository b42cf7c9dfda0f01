using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Texts;
using Evacuation.Host.Tests.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Evacuation.Host.Tests.CheckIn;

/// <summary>
/// The check-in page in Chromium on a phone-sized screen, against the real service: each language, a press, a double
/// press, a second press, a revoked link, no JavaScript, a shared location. Waits are Playwright's, never sleeps.
/// </summary>
public sealed class CheckInBrowserTests
{
    public static TheoryData<string> Languages => new(Language.All);

    /// <summary>A phone: 390×844 CSS pixels, touch, in the citizen's language.</summary>
    static Task<IBrowserContext> PhoneAsync(Chromium chromium, string language, bool script = true, BrowserNewContextOptions? more = null)
    {
        var options = more ?? new BrowserNewContextOptions();
        options.ViewportSize = new() { Width = 390, Height = 844 };
        options.DeviceScaleFactor = 2;
        options.IsMobile = true;
        options.HasTouch = true;
        options.Locale = language;
        options.JavaScriptEnabled = script;
        return chromium.Browser.NewContextAsync(options);
    }

    static async Task<List<ChannelKind>> RepliesAsync(DashboardSite site, Guid citizen)
    {
        await using var db = site.Open();
        return await db.Replies.AsNoTracking().Where(r => r.CitizenId == citizen).OrderBy(r => r.Id).Select(r => r.Channel).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_citizen_reads_their_page_in_their_language_presses_twice_and_a_revoked_link_is_gone(string language)
    {
        await using var site = await DashboardSite.StartAsync(new() { ["Messages:Hotline"] = "+380 44 000 0000" });
        var citizen = (await site.AddCitizensAsync(1, (c, _) => (c.Name, c.Language, c.AssignedCrossing) = ("Olena Kovalenko", language, "shehyni-medyka"))).Single();
        var words = Wordings.For(language);
        await using var chromium = await Chromium.LaunchAsync();
        var phone = await PhoneAsync(chromium, language);
        var page = await phone.NewPageAsync();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.Address.ToString(), StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        var response = await page.GotoAsync(new Uri(site.Address, "c/" + citizen.CheckInToken).ToString());

        Assert.True((await response!.BodyAsync()).Length < 30 * 1024);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == Language.Hebrew ? "rtl" : "ltr");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator("h1")).ToHaveTextAsync(words.CheckIn.Title);
        await Expect(page.GetByTestId("greeting")).ToHaveTextAsync(words.CheckIn.Greeting("Olena"));
        await Expect(page.GetByTestId("crossing-name")).ToHaveTextAsync(File().Crossings.Single(c => c.Id == "shehyni-medyka").DisplayName(language));
        await Expect(page.GetByTestId("map-app")).ToHaveAttributeAsync("href", "geo:49.797,22.958");
        for (var code = 1; code <= 4; code++)
        {
            await Expect(page.GetByTestId($"press-{code}")).ToHaveTextAsync(words.CheckIn.Buttons[code - 1]);
        }
        // Large enough for a thumb: at least 48 CSS pixels tall, the full width of the text column.
        var box = await page.GetByTestId("press-1").BoundingBoxAsync();
        Assert.True(box!.Height >= 48 && box.Width >= 300, $"{box.Width}×{box.Height}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, $"check-in-{language}.png"), FullPage = true });

        // A nervous double tap on "I have left" is one reply.
        await page.GetByTestId("press-1").DblClickAsync();
        await Expect(page.GetByTestId("acknowledgement")).ToHaveTextAsync(words.Acknowledgements.Departed);
        await Expect(page.GetByTestId("recorded")).ToContainTextAsync(words.ReplyCodeLabels[0]);
        Assert.Equal([ChannelKind.Web], await RepliesAsync(site, citizen.Id));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, $"check-in-{language}-pressed.png"), FullPage = true });

        // A second press, of another button, is a second reply.
        await page.GetByTestId("press-2").ClickAsync();
        await Expect(page.GetByTestId("acknowledgement")).ToHaveTextAsync(words.Acknowledgements.OnTheWay);
        Assert.Equal([ChannelKind.Web, ChannelKind.Web], await RepliesAsync(site, citizen.Id));
        Assert.Empty(elsewhere);

        using var api = site.ClientWithKey(EvacuationApp.OperatorKey);
        (await api.DeleteAsync($"/api/citizens/{citizen.Id}/check-in-link")).EnsureSuccessStatusCode();
        var gone = await page.GotoAsync(new Uri(site.Address, "c/" + citizen.CheckInToken).ToString());
        Assert.Equal(404, gone!.Status);
        await Expect(page.Locator($"p[lang={language}]")).ToHaveTextAsync(words.CheckIn.NotFound);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Olena");
    }

    [Fact]
    public async Task I_have_left_shows_on_the_operators_counters()
    {
        await using var site = await DashboardSite.StartAsync();
        var citizen = (await site.AddCitizensAsync(3)).First();
        await using var chromium = await Chromium.LaunchAsync();
        var dashboard = await chromium.OpenAsync(site.Address);
        await dashboard.FillAsync("#api-key", EvacuationApp.ViewerKey);
        await dashboard.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(dashboard.GetByTestId("count-Departed")).ToHaveTextAsync("0");
        var phone = await (await PhoneAsync(chromium, citizen.Language)).NewPageAsync();
        await phone.GotoAsync(new Uri(site.Address, "c/" + citizen.CheckInToken).ToString());

        await phone.GetByTestId("press-1").ClickAsync();
        await Expect(phone.GetByTestId("acknowledgement")).ToBeVisibleAsync();

        // Stored before the page answered: the citizen is Departed already, and the counters follow at their next refresh.
        await using (var db = site.Open())
        {
            Assert.Equal(JourneyStatus.Departed, (await db.Citizens.AsNoTracking().SingleAsync(c => c.Id == citizen.Id)).Status);
        }
        await Expect(dashboard.GetByTestId("count-Departed")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        await Expect(dashboard.GetByTestId("count-Unconfirmed")).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task Without_JavaScript_the_buttons_work_and_the_location_button_stays_hidden()
    {
        await using var site = await DashboardSite.StartAsync();
        var citizen = (await site.AddCitizensAsync(1)).Single();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await (await PhoneAsync(chromium, citizen.Language, script: false)).NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "c/" + citizen.CheckInToken).ToString());

        await Expect(page.Locator("#share")).ToBeHiddenAsync();
        await page.GetByTestId("press-3").ClickAsync();

        await Expect(page.GetByTestId("acknowledgement")).ToHaveTextAsync(Wordings.For(citizen.Language).Acknowledgements.Staying);
        await using var db = site.Open();
        Assert.Equal(JourneyStatus.Staying, (await db.Citizens.AsNoTracking().SingleAsync(c => c.Id == citizen.Id)).Status);
    }

    [Fact]
    public async Task Sharing_the_location_from_the_page_assigns_the_nearest_open_crossing()
    {
        await using var site = await DashboardSite.StartAsync();
        var citizen = (await site.AddCitizensAsync(1, (c, _) => (c.Language, c.AssignedCrossing) = (Language.English, "shehyni-medyka"))).Single();
        await using var chromium = await Chromium.LaunchAsync();
        var phone = await PhoneAsync(chromium, Language.English, more: new() { Geolocation = new() { Latitude = 48.62f, Longitude = 22.30f }, Permissions = ["geolocation"] });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "c/" + citizen.CheckInToken).ToString());
        await Expect(page.GetByTestId("crossing-name")).ToHaveTextAsync("Shehyni-Medyka");

        await page.Locator("#share").ClickAsync();

        await Expect(page.GetByTestId("crossing-name")).Not.ToHaveTextAsync("Shehyni-Medyka");
        await using var db = site.Open();
        var stored = await db.Citizens.AsNoTracking().SingleAsync(c => c.Id == citizen.Id);
        Assert.NotEqual("shehyni-medyka", stored.AssignedCrossing);
        Assert.Equal(48.62, stored.Latitude!.Value, 2);
    }

    static Core.Routes.CrossingsFile File() => Core.Routes.CrossingsFile.Load(Core.Routes.CrossingsFile.ShippedPath);
}
