using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Broadcasts;

public sealed class WorstCaseLengthTests
{
    static readonly CrossingsFile File = CrossingsFile.Load(CrossingsFile.ShippedPath);

    [Theory]
    [InlineData(BroadcastKind.RouteInstructions, "uk", "Ідіть до {crossing}. {crossingDirections} {replyCodes}", true, Label = "a short template fits")]
    [InlineData(BroadcastKind.Advisory, "en", "{name}, {name}, {name}, {name}, {name}, {name}, {name}, {name}: leave now. {replyCodes}", false, Label = "eight names of 200 characters do not")]
    [InlineData(BroadcastKind.RouteInstructions, "he", "{crossingDirections}", true, Label = "directions alone fit")]
    public void A_template_is_measured_filled_for_its_longest_citizen(BroadcastKind kind, string language, string template, bool fits)
    {
        var problems = WorstCaseLength.Check(kind, new Dictionary<string, string> { [language] = template }, File, Signature.None);

        Assert.Equal(fits, problems.Count == 0);
        if (!fits)
        {
            Assert.StartsWith($"text.{language}: ", Assert.Single(problems), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_measure_counts_the_longest_name_and_the_longest_directions_of_the_language()
    {
        var longestDirections = File.Crossings
            .SelectMany(c => File.Regions.Regions.Select(r => RouteDirections.Describe(c, new Origin(new GeoPoint(r.Latitude, r.Longitude), r), Language.Russian)))
            .Max(d => d.Length);

        var length = WorstCaseLength.Of(BroadcastKind.RouteInstructions, "{name}|{crossingDirections}", Language.Russian, File, Signature.None);

        // The template without {replyCodes} gets the reply codes on a line of their own, and without {sender} the opening.
        Assert.True(length >= CitizenRules.MaxNameLength + 1 + longestDirections, $"{length}");
    }

    [Fact]
    public void The_check_in_link_counts_when_a_public_address_is_configured()
    {
        var signature = Signature.None with { CheckInBaseUrl = "https://evacuation.example.org" };

        var without = WorstCaseLength.Of(BroadcastKind.Advisory, "{checkInLink}", Language.English, File, Signature.None);
        var with = WorstCaseLength.Of(BroadcastKind.Advisory, "{checkInLink}", Language.English, File, signature);

        // The link, and the space before it that an empty placeholder takes along.
        Assert.Equal("https://evacuation.example.org/c/".Length + Core.CheckIn.CheckInToken.Length + 1, with - without);
    }

    [Fact]
    public void A_text_just_under_the_limit_with_a_name_in_it_is_refused_with_how_much_to_cut()
    {
        var template = new string('a', 1_400) + " {name}";

        var problem = Assert.Single(WorstCaseLength.Check(BroadcastKind.Advisory, new Dictionary<string, string> { ["ru"] = template }, File, Signature.None));

        Assert.Contains("the 'ru' message reaches", problem, StringComparison.Ordinal);
        Assert.Contains("shorten it by", problem, StringComparison.Ordinal);
        Assert.Empty(WorstCaseLength.Check(BroadcastKind.Custom, new Dictionary<string, string> { ["ru"] = template }, File, Signature.None));
    }
}
