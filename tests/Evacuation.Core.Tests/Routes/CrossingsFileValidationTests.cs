using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Routes;

public sealed class CrossingsFileValidationTests
{
    // Files are built one crossing or region per line, so a problem in the second crossing is on line 4:
    //   1 {   2 "crossings": [   3 first crossing   4 second crossing   5 ],   6 "regions": [   7 region   8 ]   9 }
    const string Good = """{ "id": "a-b", "ukrainianSide": "A", "otherSide": "B", "country": "PL", "latitude": 50.0, "longitude": 24.0, "pedestrians": true, "status": "Open" }""";
    const string Lviv = """{ "name": "Lviv", "latitude": 49.84, "longitude": 24.03, "aliases": ["Lvov"] }""";

    static string FileWith(string secondCrossing, string region = Lviv) =>
        string.Join('\n', "{", "  \"crossings\": [", $"    {Good},", $"    {secondCrossing}", "  ],", "  \"regions\": [", $"    {region}", "  ]", "}");

    static string Crossing(string fields) => $$"""{ "id": "c-d", "ukrainianSide": "C", "otherSide": "D", {{fields}} }""";

    public static Labelled<string, string> BadFiles => new()
    {
        { "a duplicate id", FileWith(Good), "crossings.json line 4: crossing id 'a-b' appears twice (first on line 3)" },
        { "an id in capitals", FileWith(Good.Replace("a-b", "A-B", StringComparison.Ordinal)), "crossings.json line 4: crossing 'A-B': id must be lower-case letters, digits and single hyphens (it appears in URLs)" },
        { "no id", FileWith(Good.Replace("\"id\": \"a-b\", ", "", StringComparison.Ordinal)), "crossings.json line 4: crossing #2 has no id" },
        { "an id with spaces", FileWith(Good.Replace("a-b", "shehyni medyka", StringComparison.Ordinal)), "crossings.json line 4: crossing 'shehyni medyka': id must be lower-case letters, digits and single hyphens (it appears in URLs)" },
        { "no latitude", FileWith(Crossing("\"country\": \"PL\", \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has no latitude" },
        { "no longitude", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has no longitude" },
        { "a latitude off the globe", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 123, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has latitude 123 outside the area around Ukraine (43 to 56.5)" },
        { "latitude and longitude swapped", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 24.0, \"longitude\": 50.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has latitude 24 outside the area around Ukraine (43 to 56.5)" },
        { "a longitude in the Atlantic", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": -24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has longitude -24 outside the area around Ukraine (14 to 42)" },
        { "an unknown country", FileWith(Crossing("\"country\": \"DE\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has unknown country 'DE' (expected PL, SK, HU, RO, MD)" },
        { "no country", FileWith(Crossing("\"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has no country" },
        { "an unknown status", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Jammed\"")), "crossings.json line 4: crossing 'c-d' has unknown status 'Jammed' (expected Open, Congested, Closed)" },
        { "a status given as a number", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"2\"")), "crossings.json line 4: crossing 'c-d' has unknown status '2' (expected Open, Congested, Closed)" },
        { "pedestrians not stated", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' does not say whether pedestrians may cross (\"pedestrians\": true or false)" },
        { "an empty name on the Ukrainian side", FileWith(Good.Replace("\"ukrainianSide\": \"A\"", "\"ukrainianSide\": \"  \"", StringComparison.Ordinal).Replace("a-b", "e-f", StringComparison.Ordinal)), "crossings.json line 4: crossing 'e-f' has no ukrainianSide name" },
        { "an empty name in a language", FileWith(Crossing("\"names\": { \"uk\": \"\" }, \"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has an empty 'uk' name" },
        { "a name in a language we do not write", FileWith(Crossing("\"names\": { \"de\": \"C–D\" }, \"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has a name in unknown language 'de' (expected en, he, ru, uk)" },
        { "a misspelt field", FileWith(Crossing("\"country\": \"PL\", \"lattitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' has unknown field 'lattitude'" },
        { "a field given twice", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\", \"status\": \"Closed\"")), "crossings.json line 4: crossings[1].status is given twice (first on line 4)" },
        { "a latitude written as text", FileWith(Crossing("\"country\": \"PL\", \"latitude\": \"50.0\", \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossings[1].latitude has a value of the wrong type (expected an object with \"crossings\" and \"regions\" as in the shipped file)" },
        { "an English name outside GSM-7", FileWith(Crossing("\"names\": { \"en\": \"C–D\" }, \"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d''s English name 'C–D' has characters an English SMS cannot carry cheaply ('–'): write names.en in plain letters and ASCII hyphens" },
        { "sides with letters outside GSM-7 and no English name", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\"").Replace("\"D\"", "\"Krościenko\"", StringComparison.Ordinal)), "crossings.json line 4: crossing 'c-d''s English name 'C-Krościenko' has characters an English SMS cannot carry cheaply ('ś'): write names.en in plain letters and ASCII hyphens" },
        { "an English note outside GSM-7", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\", \"notes\": { \"en\": \"Queue — 6 h\" }")), "crossings.json line 4: crossing 'c-d''s English note 'Queue — 6 h' has characters an English SMS cannot carry cheaply ('—'): write notes.en in plain letters and ASCII hyphens" },
        { "a note in a language we do not write", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\", \"notes\": { \"pl\": \"Kolejka\" }")), "crossings.json line 4: crossing 'c-d' has a note in unknown language 'pl' (expected en, he, ru, uk)" },
        { "notes that are a number", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\", \"notes\": 5")), "crossings.json line 4: crossing 'c-d' has notes that are neither text nor an object by language (\"notes\": { \"en\": \"...\", \"uk\": \"...\" })" },
        { "nobody may cross", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": false, \"vehicles\": false, \"status\": \"Open\"")), "crossings.json line 4: crossing 'c-d' lets neither pedestrians nor vehicles cross: set \"pedestrians\" or \"vehicles\" to true" },
        { "a region centre in a language we do not write", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\""), """{ "name": "Lviv", "latitude": 49.84, "longitude": 24.03, "centre": { "pl": "Lwowa" } }"""), "crossings.json line 7: region 'Lviv' has a centre in unknown language 'pl' (expected en, he, ru, uk)" },
        { "a region without latitude", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\""), """{ "name": "Lviv", "longitude": 24.03 }"""), "crossings.json line 7: region 'Lviv' has no latitude" },
        { "a region without a name", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\""), """{ "name": " ", "latitude": 49.84, "longitude": 24.03 }"""), "crossings.json line 7: region #1 has no name" },
        { "a region whose alias is its own name", FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\""), """{ "name": "Lviv", "latitude": 49.84, "longitude": 24.03, "aliases": ["LVIV"] }"""), "crossings.json line 7: region name or alias 'LVIV' is already used on line 7" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_file_with_a_problem_is_refused_with_the_line_at_fault(string json, string expectedMessage)
    {
        var error = Assert.Throws<CrossingsFileException>(() => CrossingsFile.Parse(json));

        Assert.True(expectedMessage == error.Message, $"expected {expectedMessage}\n got      {error.Message}");
    }

    [Fact]
    public void Notes_are_advice_by_language_and_a_plain_string_is_English()
    {
        var byLanguage = CrossingsFile.Parse(FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\", \"notes\": { \"en\": \"Ferry.\", \"UK\": \"Пором.\" }")));
        var english = CrossingsFile.Parse(FileWith(Crossing("\"country\": \"PL\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": true, \"status\": \"Open\", \"notes\": \" Ferry. \"")));

        Assert.Equal(new Dictionary<string, string> { ["en"] = "Ferry.", ["uk"] = "Пором." }, byLanguage.Crossings[1].Advice);
        Assert.Equal(new Dictionary<string, string> { ["en"] = "Ferry." }, english.Crossings[1].Advice);
        Assert.Empty(byLanguage.Crossings[0].Advice);
        Assert.True(byLanguage.Crossings[1].VehiclesAllowed);
    }

    [Fact]
    public void The_good_file_used_by_these_tests_loads()
    {
        var file = CrossingsFile.Parse(FileWith(Crossing("\"country\": \"pl\", \"latitude\": 50.0, \"longitude\": 24.0, \"pedestrians\": false, \"status\": \"congested\"")));

        Assert.Equal(["a-b", "c-d"], file.Crossings.Select(c => c.Id));
        Assert.Equal("PL", file.Crossings[1].Country);
        Assert.Equal(CrossingStatus.Congested, file.Crossings[1].Status);
        Assert.True(file.Regions.TryFind("lvov", out _));
        Assert.True(file.TryFindCrossing("C-D", out var found));
        Assert.Equal("c-d", found.Id);
    }

    [Fact]
    public void A_region_alias_used_twice_names_both_lines()
    {
        var json = string.Join('\n',
            "{",
            $"  \"crossings\": [ {Good} ],",
            "  \"regions\": [",
            "    { \"name\": \"Lviv\", \"latitude\": 49.84, \"longitude\": 24.03, \"aliases\": [\"Lemberg\"] },",
            "    { \"name\": \"Lviv Oblast\", \"latitude\": 49.8, \"longitude\": 24.0, \"aliases\": [\"lemberg\"] }",
            "  ]",
            "}");

        var error = Assert.Throws<CrossingsFileException>(() => CrossingsFile.Parse(json));

        Assert.Equal("crossings.json line 5: region name or alias 'lemberg' is already used on line 4", error.Message);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void In_a_pretty_printed_file_a_bad_value_is_reported_on_its_own_line_and_a_missing_one_where_its_object_starts()
    {
        var lines = new[]
        {
            "{",                                    // 1
            "  // hand-edited by the duty officer", // 2
            "  \"crossings\": [",                   // 3
            "    {",                                // 4
            "      \"id\": \"a-b\",",               // 5
            "      \"ukrainianSide\": \"A\",",      // 6
            "      \"otherSide\": \"B\",",          // 7
            "      \"country\": \"PL\",",           // 8
            "      \"latitude\": 123,",             // 9
            "      \"longitude\": 24.0,",           // 10
            "      \"pedestrians\": true,",         // 11
            "      \"status\": \"Open\",",          // 12
            "    },",                               // 13
            "  ],",                                 // 14
            "}",                                    // 15
        };
        var badValue = string.Join('\n', lines);
        var missingValue = string.Join('\n', lines.Where((_, i) => i != 8));

        Assert.Equal(9, Assert.Throws<CrossingsFileException>(() => CrossingsFile.Parse(badValue)).Line);
        Assert.Equal(4, Assert.Throws<CrossingsFileException>(() => CrossingsFile.Parse(missingValue)).Line);
    }

    [Fact]
    public void Malformed_json_is_refused_with_its_line()
    {
        var json = FileWith(Good.Replace("\"otherSide\": \"B\",", "\"otherSide\": \"B\"", StringComparison.Ordinal));

        var error = Assert.Throws<CrossingsFileException>(() => CrossingsFile.Parse(json));

        Assert.Equal(4, error.Line);
        Assert.StartsWith("crossings.json line 4: not valid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "crossings": [], "regions": [] }""", "crossings.json line 1: the file lists no crossings (expected a \"crossings\" array)", Label = "empty crossings")]
    [InlineData("""{ "regions": [] }""", "crossings.json line 1: the file lists no crossings (expected a \"crossings\" array)", Label = "no crossings key")]
    [InlineData("null", "crossings.json line 1: the file is empty (expected an object with \"crossings\" and \"regions\")", Label = "null document")]
    [InlineData("[]", "crossings.json line 1: the file has a value of the wrong type (expected an object with \"crossings\" and \"regions\" as in the shipped file)", Label = "an array instead of an object")]
    [InlineData("""{ "crossing": [] }""", "crossings.json line 1: the file has unknown field 'crossing'", Label = "an unknown top-level field")]
    public void A_file_without_crossings_is_refused(string json, string expectedMessage)
    {
        var error = Assert.Throws<CrossingsFileException>(() => CrossingsFile.Parse(json));

        Assert.True(expectedMessage == error.Message, $"got {error.Message}");
    }

    [Fact]
    public void Loading_from_disk_names_the_file_in_the_message()
    {
        var directory = Directory.CreateTempSubdirectory("routes-test-");
        try
        {
            var path = Path.Combine(directory.FullName, "border.json");
            File.WriteAllText(path, FileWith(Good));

            var error = Assert.Throws<CrossingsFileException>(() => CrossingsFile.Load(path));

            Assert.Equal("border.json line 4: crossing id 'a-b' appears twice (first on line 3)", error.Message);
            Assert.Equal("border.json", error.FileName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
