using System.Net;
using Evacuation.Core.Cases;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Host.Tests.Cases;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.CheckIn;

/// <summary>A press on the check-in page is a reply on channel Web: the same decision, the same effects, recorded once.</summary>
public sealed class CheckInPressTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task I_have_left_makes_the_citizen_Departed_at_once_and_the_same_form_sent_twice_is_one_reply(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var page = await CheckInVisit.OpenAsync(app.CreateClient(), citizen.CheckInToken!);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var pressed = await page.PressAsync(1);
        var again = await page.PressAsync(1);

        // Recorded before the page answered: no waiting for a worker.
        Assert.Equal(JourneyStatus.Departed, (await app.CitizenAsync(citizen.Id)).Status);
        Assert.Equal(HttpStatusCode.OK, pressed.Status);
        Assert.Equal("Thank you, we have recorded that you are out of Ukraine. Stay safe.", pressed.Text("acknowledgement"));
        Assert.Equal("What we have on record: out of Ukraine", pressed.Text("recorded"));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(pressed.Text("acknowledgement"), again.Text("acknowledgement"));
        var reply = Assert.Single(await app.WebRepliesAsync());
        Assert.Equal((citizen.Id, "Departed", InboundKind.Button, false), (reply.CitizenId!.Value, reply.Meaning, reply.Kind, reply.Unhandled));
        var changed = Assert.Single(await app.EventsAsync(citizen.Id), e => e.Kind == CitizenEventKind.StatusChanged);
        Assert.Equal("Unconfirmed → Departed by Web reply \"reply:1\"", changed.Detail);
        Assert.Equal("citizen", changed.Actor);
        // The page is the answer: nothing is sent by SMS or Telegram for a press.
        Assert.Empty(await app.WithDbAsync(db => db.Deliveries.AsNoTracking().ToListAsync()));
        // The operators' counters read the same status.
        var stats = await (await app.Viewer().GetAsync("/api/stats")).ReadJsonAsync();
        Assert.Equal(1, stats.GetProperty("byStatus").GetProperty("Departed").GetInt32());
    }

    [Fact]
    public async Task A_second_press_of_another_button_is_a_second_reply_and_the_status_moves_on()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var page = await CheckInVisit.OpenAsync(app.CreateClient(), citizen.CheckInToken!);

        var onTheWay = await page.PressAsync(2);
        var departed = await onTheWay.PressAsync(1);

        Assert.Equal(JourneyStatus.Departed, (await app.CitizenAsync(citizen.Id)).Status);
        Assert.Equal(["OnTheWay", "Departed"], (await app.WebRepliesAsync()).Select(r => r.Meaning));
        Assert.Equal("What we have on record: out of Ukraine", departed.Text("recorded"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task I_need_help_puts_the_citizen_on_the_call_list_and_opens_one_case(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var page = await CheckInVisit.OpenAsync(app.CreateClient(), citizen.CheckInToken!);

        await page.PressAsync(4);
        await page.PressAsync(4);

        var stored = await app.CitizenAsync(citizen.Id);
        Assert.Equal(JourneyStatus.NeedsHelp, stored.Status);
        Assert.NotNull(stored.EscalatedAt);
        var helpCase = Assert.Single(await app.StoredCasesAsync());
        Assert.Equal((citizen.Id, ChannelKind.Web, CaseState.Open, 1), (helpCase.CitizenId!.Value, helpCase.Channel, helpCase.State, helpCase.Requests));
        Assert.Contains("pressed 4", Assert.Single(helpCase.Notes).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_who_opted_out_is_recorded_told_so_and_sent_nothing()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1, shape: (c, _) => c.OptedOut = true)).Single();
        var page = await CheckInVisit.OpenAsync(app.CreateClient(), citizen.CheckInToken!);

        var pressed = await page.PressAsync(3);
        var again = await page.PressAsync(3);

        Assert.Equal(HttpStatusCode.OK, pressed.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(JourneyStatus.Staying, (await app.CitizenAsync(citizen.Id)).Status);
        Assert.True((await app.CitizenAsync(citizen.Id)).OptedOut);
        Assert.NotNull(pressed.Text("opted-out"));
        Assert.Single(await app.WebRepliesAsync());
        Assert.Empty(await app.WithDbAsync(db => db.Deliveries.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task A_shared_location_assigns_the_nearest_open_crossing_as_a_Telegram_location_does()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1, shape: (c, _) => (c.Region, c.AssignedCrossing, c.Language) = ("Lviv", "shehyni-medyka", Language.English))).Single();
        var page = await CheckInVisit.OpenAsync(app.CreateClient(), citizen.CheckInToken!);

        // Near Uzhhorod: the Slovak and Hungarian border, far from Shehyni.
        var located = await page.PostAsync(("form", page.Form), ("latitude", "48.62"), ("longitude", "22.30"));

        var stored = await app.CitizenAsync(citizen.Id);
        Assert.Equal(HttpStatusCode.OK, located.Status);
        Assert.Equal((48.62, 22.30), (stored.Latitude!.Value, stored.Longitude!.Value));
        Assert.NotEqual("shehyni-medyka", stored.AssignedCrossing);
        Assert.Contains(await app.EventsAsync(citizen.Id), e => e.Detail == "Web: shared a location");
        Assert.Contains(await app.EventsAsync(citizen.Id), e => e.Kind == CitizenEventKind.CrossingAssigned && e.Detail == $"shehyni-medyka → {stored.AssignedCrossing}");
        Assert.DoesNotContain("Shehyni", located.Text("crossing-name"), StringComparison.Ordinal);
        Assert.Equal("Location", Assert.Single(await app.WebRepliesAsync()).Meaning);
    }
}
