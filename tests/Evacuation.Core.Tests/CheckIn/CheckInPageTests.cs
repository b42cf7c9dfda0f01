using Evacuation.Core.Broadcasts;
using Evacuation.Core.CheckIn;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Tests.CheckIn;

public sealed class CheckInPageTests
{
    static CrossingsFile Crossings() => CrossingsFile.Load(CrossingsFile.ShippedPath);

    static Citizen Olena(string language = Language.English, JourneyStatus status = JourneyStatus.Unconfirmed, string? crossing = "shehyni-medyka") => new()
    {
        Name = "  Olena Kovalenko ",
        Language = language,
        Region = "Lviv",
        Status = status,
        AssignedCrossing = crossing,
    };

    static CheckInPage PageFor(Citizen citizen, CrossingsFile? crossings = null, JourneyStatus? pressed = null)
    {
        var file = crossings ?? Crossings();
        return CheckInPage.For(citizen, file, new CrossingAssignment(file), Signature.None with { Hotline = "+380 44 000 0000" }, pressed);
    }

    public static TheoryData<string, JourneyStatus, string?, Func<CheckInTexts, string>> Advice => new()
    {
        { "a crossing assigned: leave by it", JourneyStatus.Unconfirmed, "shehyni-medyka", w => w.LeaveNow },
        { "on the way: still leave by it", JourneyStatus.OnTheWay, "shehyni-medyka", w => w.LeaveNow },
        { "no crossing yet: the nearest, and share a location", JourneyStatus.Unconfirmed, null, w => w.NoCrossingYet },
        { "an unknown crossing id: as none", JourneyStatus.Unconfirmed, "gone-crossing", w => w.NoCrossingYet },
        { "out of Ukraine: stay safe", JourneyStatus.Departed, "shehyni-medyka", w => w.AlreadyOut },
    };

    [Theory]
    [MemberData(nameof(Advice))]
    public void The_advice_follows_what_we_know(string label, JourneyStatus status, string? crossing, Func<CheckInTexts, string> expected)
    {
        foreach (var language in Language.All)
        {
            var page = PageFor(Olena(language, status, crossing));
            Assert.True(expected(Wordings.For(language).CheckIn) == page.Advice, $"{label} ({language}): {page.Advice}");
        }
    }

    [Fact]
    public void Every_crossing_closed_says_wait_somewhere_safe()
    {
        var file = Crossings();
        foreach (var crossing in file.Crossings)
        {
            crossing.Status = CrossingStatus.Closed;
        }

        var page = PageFor(Olena(), file);

        Assert.Equal(Wordings.For(Language.English).CheckIn.AllClosed, page.Advice);
        Assert.Equal("Closed now.", page.Crossing!.Status);
    }

    [Fact]
    public void The_page_greets_by_first_name_shows_the_crossing_with_directions_status_and_map_links()
    {
        var page = PageFor(Olena());

        Assert.Equal("Hello, Olena.", page.Greeting);
        Assert.Equal("Shehyni-Medyka", page.Crossing!.Name);
        Assert.Equal("Open.", page.Crossing.Status);
        Assert.StartsWith("In Poland, 75 km west of central Lviv", page.Crossing.Directions);
        Assert.Equal("geo:49.797,22.958", page.Crossing.GeoUri);
        Assert.Equal("https://www.openstreetmap.org/?mlat=49.797&mlon=22.958#map=14/49.797/22.958", page.Crossing.MapUrl);
        Assert.Equal("no answer yet", page.Recorded);
        Assert.Equal(["I have left Ukraine", "I am on my way", "I am staying", "I need help"], page.Buttons);
        Assert.Equal("Hotline +380 44 000 0000.", page.Hotline);
        Assert.Null(page.Acknowledgement);
        Assert.False(page.RightToLeft);
    }

    [Fact]
    public void A_jammed_crossing_says_so()
    {
        var file = Crossings();
        file.Crossings.Single(c => c.Id == "shehyni-medyka").Status = CrossingStatus.Congested;

        Assert.Equal("Long queues reported.", PageFor(Olena(), file).Crossing!.Status);
    }

    [Fact]
    public void Without_a_name_the_greeting_is_plain_and_Hebrew_reads_right_to_left()
    {
        var page = PageFor(new Citizen { Language = Language.Hebrew });

        Assert.Equal("שלום.", page.Greeting);
        Assert.True(page.RightToLeft);
        Assert.Equal("he", page.Language);
    }

    [Theory]
    [InlineData(JourneyStatus.Departed, "Thank you, we have recorded that you are out of Ukraine.")]
    [InlineData(JourneyStatus.NeedsHelp, "We have received your request for help")]
    public void After_a_press_the_page_shows_the_acknowledgement_a_reply_gets(JourneyStatus pressed, string start)
    {
        var page = PageFor(Olena(status: pressed), pressed: pressed);

        Assert.StartsWith(start, page.Acknowledgement);
        Assert.Equal(Wordings.For(Language.English).ReplyCodeLabels[pressed == JourneyStatus.Departed ? 0 : 3], page.Recorded);
    }

    [Fact]
    public void An_opted_out_citizen_is_told_answers_still_count() => Assert.True(PageFor(new Citizen { OptedOut = true }).OptedOut);
}
