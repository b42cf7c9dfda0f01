using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Routes;

public sealed class CrossingClosureTests
{
    [Theory]
    [InlineData(CrossingStatus.Open, CrossingStatus.Closed, CrossingConsequence.RerouteItsCitizens)]
    [InlineData(CrossingStatus.Open, CrossingStatus.Congested, CrossingConsequence.RerouteItsCitizens)]
    [InlineData(CrossingStatus.Congested, CrossingStatus.Closed, CrossingConsequence.RerouteItsCitizens)]
    [InlineData(CrossingStatus.Closed, CrossingStatus.Congested, CrossingConsequence.RerouteItsCitizens)]
    [InlineData(CrossingStatus.Closed, CrossingStatus.Open, CrossingConsequence.PlaceWaitingCitizens)]
    [InlineData(CrossingStatus.Congested, CrossingStatus.Open, CrossingConsequence.PlaceWaitingCitizens)]
    [InlineData(CrossingStatus.Open, CrossingStatus.Open, CrossingConsequence.None)]
    [InlineData(CrossingStatus.Closed, CrossingStatus.Closed, CrossingConsequence.None)]
    public void A_status_change_moves_citizens_only_when_it_makes_the_crossing_worse_or_opens_it(
        CrossingStatus before, CrossingStatus after, CrossingConsequence consequence) =>
        Assert.Equal(consequence, CrossingClosure.Of(before, after));

    [Fact]
    public void Every_crossing_closed_is_told_apart_from_one_left_congested()
    {
        Crossing[] crossings = [Some.Crossing("A", 50, 24, CrossingStatus.Closed), Some.Crossing("B", 48, 22, CrossingStatus.Congested)];

        Assert.False(CrossingClosure.AllClosed(crossings));
        crossings[1].Status = CrossingStatus.Closed;
        Assert.True(CrossingClosure.AllClosed(crossings));
    }
}
