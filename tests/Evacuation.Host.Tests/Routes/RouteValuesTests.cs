using Evacuation.Core.CheckIn;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Routes;
using Evacuation.Host.Broadcasts;
using Evacuation.Host.Routes;

namespace Evacuation.Host.Tests.Routes;

public sealed class RouteValuesTests
{
    public static Labelled<Recipient> Recipients => new()
    {
        { "region only", Make("uk", "Lviv", "shehyni-medyka", null, null) },
        { "shared location", Make("en", "Lviv", "chop-zahony", 48.62, 22.29) },
        { "unknown region", Make("ru", "Atlantis", "reni-giurgiulesti", null, null) },
        { "no crossing", Make("he", "Odesa", null, null, null) },
        { "crossing no longer in the file", Make("en", "Odesa", "gone-away", null, null) },
    };

    [Theory]
    [MemberData(nameof(Recipients))]
    public void Cached_values_are_the_same_as_the_recipients_own_twice_over(Recipient recipient)
    {
        var crossings = CrossingsFile.Load(CrossingsFile.ShippedPath);
        var planner = new CrossingPlanner(crossings);
        var signature = new Signature("Embassy of Israel", new Dictionary<string, string>(), "+972 3 555 0100");
        var at = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var values = new RouteValues(planner, signature, at);

        var expected = recipient.Values(crossings, planner.Assignment, signature, at);

        Assert.True(expected == values.For(recipient));
        Assert.True(expected == values.For(recipient with { Name = "Other" }) with { Name = recipient.Name });
    }

    static Recipient Make(string language, string region, string? crossing, double? latitude, double? longitude) =>
        new(Guid.NewGuid(), "Olena", language, "+380501234567", null, false, false, region, crossing, latitude, longitude, CheckInToken.New());
}
