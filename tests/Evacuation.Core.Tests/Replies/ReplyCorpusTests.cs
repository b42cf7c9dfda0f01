using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Replies;

/// <summary>
/// The phrasing corpus, one visible case per phrasing, plus a pass rate per language written to the test output
/// (run with <c>--logger "console;verbosity=detailed"</c> to see it).
/// </summary>
public sealed class ReplyCorpusTests
{
    public static TheoryData<string, string> English => Rows(EnglishReplies.Cases);

    public static TheoryData<string, string> Hebrew => Rows(HebrewReplies.Cases);

    public static TheoryData<string, string> Russian => Rows(RussianReplies.Cases);

    public static TheoryData<string, string> Ukrainian => Rows(UkrainianReplies.Cases);

    [Theory]
    [MemberData(nameof(English))]
    public void An_english_reply_means_what_a_person_would_read(string text, string expected) =>
        Assert.Equal(expected, ReplyParser.Parse(text).ToString());

    [Theory]
    [MemberData(nameof(Hebrew))]
    public void A_hebrew_reply_means_what_a_person_would_read(string text, string expected) =>
        Assert.Equal(expected, ReplyParser.Parse(text).ToString());

    [Theory]
    [MemberData(nameof(Russian))]
    public void A_russian_reply_means_what_a_person_would_read(string text, string expected) =>
        Assert.Equal(expected, ReplyParser.Parse(text).ToString());

    [Theory]
    [MemberData(nameof(Ukrainian))]
    public void A_ukrainian_reply_means_what_a_person_would_read(string text, string expected) =>
        Assert.Equal(expected, ReplyParser.Parse(text).ToString());

    [Theory]
    [InlineData("en")]
    [InlineData("he")]
    [InlineData("ru")]
    [InlineData("uk")]
    public void Each_language_has_at_least_sixty_phrasings_and_all_of_them_pass(string language)
    {
        var cases = language switch
        {
            "en" => EnglishReplies.Cases,
            "he" => HebrewReplies.Cases,
            "ru" => RussianReplies.Cases,
            _ => UkrainianReplies.Cases,
        };

        var failures = cases
            .Select(row => (row.Text, row.Expected, Actual: ReplyParser.Parse(row.Text).ToString()))
            .Where(row => row.Actual != row.Expected)
            .Select(row => $"'{row.Text}': expected {row.Expected}, got {row.Actual}")
            .ToList();
        var passed = cases.Count - failures.Count;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Reply corpus [{language}]: {passed}/{cases.Count} passed ({100.0 * passed / cases.Count:F1}%)");

        Assert.True(cases.Count >= 60, $"only {cases.Count} phrasings for {language}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static TheoryData<string, string> Rows(IReadOnlyList<(string Text, string Expected)> cases)
    {
        var rows = new TheoryData<string, string>();
        foreach (var (text, expected) in cases)
        {
            rows.Add(text, expected);
        }

        return rows;
    }
}
