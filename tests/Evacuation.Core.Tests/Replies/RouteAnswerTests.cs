using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Replies;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Replies;

public sealed class RouteAnswerTests
{
    static readonly CrossingsFile File = CrossingsFile.Load(CrossingsFile.ShippedPath);
    static readonly Signature Embassy = new("Embassy of Israel", new Dictionary<string, string>(), "+972 3 555 0100");
    static readonly DateTime At = new(2026, 1, 10, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_placed_citizen_gets_their_route_as_of_now_in_Kyiv_time_with_the_reply_codes()
    {
        var (lviv, shehyni) = LvivAndShehyni();

        var (text, keyboard) = RouteAnswer.For(shehyni, lviv, Language.English, telegram: true, Embassy, At);

        Assert.Equal("Embassy of Israel: Your border crossing as of 11:30 Kyiv time: Shehyni-Medyka. In Poland, 75 km west of central Lviv (straight line). " + ReplyCodeLine.For(Language.English), text);
        Assert.Null(keyboard);
    }

    [Fact]
    public void Someone_we_cannot_place_is_told_so_and_how_to_tell_us_on_each_channel()
    {
        var (telegram, button) = RouteAnswer.For(null, null, Language.Ukrainian, telegram: true, Embassy, At);
        var (sms, none) = RouteAnswer.For(null, null, Language.English, telegram: false, Embassy, At);

        Assert.Equal("Ми ще не знаємо, де ви, тому не можемо назвати пункт пропуску. Надішліть геопозицію кнопкою нижче.", telegram);
        Assert.Equal(Keyboards.Location, button);
        Assert.StartsWith("We do not know where you are yet", sms, StringComparison.Ordinal);
        Assert.EndsWith("send your location to our Telegram bot. Hotline +972 3 555 0100.", sms, StringComparison.Ordinal);
        Assert.Null(none);
        Assert.DoesNotContain("route instructions", sms, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void When_every_crossing_is_closed_a_placed_citizen_is_told_to_wait_and_how_to_ask_for_help()
    {
        var (lviv, _) = LvivAndShehyni();

        var (text, _) = RouteAnswer.For(null, lviv, Language.English, telegram: false, Embassy, At);

        Assert.Equal(WaitForInstructions.Text(Language.English, Embassy, At), text);
        Assert.Contains("If you are in danger, reply 4.", text, StringComparison.Ordinal);
        Assert.EndsWith(ReplyCodeLine.For(Language.English), text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_location_question_asks_for_the_location_with_the_button_in_the_citizens_language()
    {
        var (text, keyboard) = RouteAnswer.AskForLocation(Language.Russian);

        Assert.StartsWith("Отправьте нам свою геопозицию", text, StringComparison.Ordinal);
        Assert.Equal(Keyboards.Location, keyboard);
    }

    static (Origin Lviv, Crossing Shehyni) LvivAndShehyni()
    {
        File.Regions.TryFind("Lviv", out var lviv);
        File.TryFindCrossing("shehyni-medyka", out var shehyni);
        return (new Origin(new GeoPoint(lviv.Latitude, lviv.Longitude), lviv), shehyni);
    }
}
