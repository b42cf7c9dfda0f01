using System.Text.RegularExpressions;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Tests.Texts;

/// <summary>
/// Checked by tests, not by eye: every text in every language, rendered for every shipped crossing and region, has no
/// placeholder left, reads cleanly, and is in its reader's script (English in GSM-7, so it stays cheap).
/// </summary>
public sealed partial class EveryTextTests
{
    public static TheoryData<string> Languages => new(Language.All);

    /// <summary>Latin words a Hebrew, Russian or Ukrainian text may carry: the reply keywords, language codes and the sender.</summary>
    static readonly HashSet<string> AllowedLatin = ["ROUTE", "STOP", "START", "LANG", "en", "he", "ru", "uk", .. EveryText.Sender.Split(' ')];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_is_complete_and_clean(string language)
    {
        var problems = All(language).SelectMany(t => Problems(t.Text).Select(p => $"{t.Name}: {p}: {t.Text}")).Take(10).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(Language.Hebrew)]
    [InlineData(Language.Russian)]
    [InlineData(Language.Ukrainian)]
    public void No_Latin_word_but_codes_and_the_sender_appears_in_Hebrew_Russian_or_Ukrainian(string language)
    {
        var problems = All(language)
            .Select(t => (t.Name, t.Text, Latin: LatinWords(t.Text).Where(w => !AllowedLatin.Contains(w)).ToList()))
            .Where(t => t.Latin.Count > 0)
            .Select(t => $"{t.Name}: {string.Join(" ", t.Latin)} in: {t.Text}")
            .Take(10)
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_English_text_that_can_go_by_SMS_is_GSM7()
    {
        var problems = All(Language.English)
            .Where(t => t.BySms)
            .Select(t => (t.Name, t.Text, Sms: SmsSegments.Of(t.Text)))
            .Where(t => !t.Sms.IsGsm7)
            .Select(t => $"{t.Name}: {string.Join(" ", t.Sms.Ucs2Characters)} in: {t.Text}")
            .Take(10)
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(EveryText.Sender, 2)]
    [InlineData(EveryText.LongestSender, 2)]
    public void An_English_advisory_naming_any_shipped_crossing_is_GSM7_and_two_segments_three_with_a_hotline(string sender, int segments)
    {
        foreach (var (hotline, allowed) in new[] { ("", segments), (EveryText.Hotline, segments + 1) })
        {
            var signature = new Signature(sender, new Dictionary<string, string>(), hotline);
            var longest = EveryText.File.Crossings
                .SelectMany(c => EveryText.Origins().Select(o => BuiltInTemplates.Render(BuiltInTemplate.Advisory, EveryText.ValuesFor(c, o, Language.English, signature))))
                .MaxBy(text => SmsSegments.Of(text).Units)!;

            var sms = SmsSegments.Of(longest);
            Assert.True(sms.IsGsm7, longest);
            Assert.True(sms.Count <= allowed, $"{sms.Count} segments ({sms.Units} characters): {longest}");
        }
    }

    [Fact]
    public void No_text_asks_a_question_so_none_can_be_answered_yes()
    {
        var questions = Language.All.SelectMany(All).Where(t => Url().Replace(t.Text, " ").Contains('?', StringComparison.Ordinal)).Select(t => $"{t.Language} {t.Name}: {t.Text}").Take(10).ToList();

        Assert.True(questions.Count == 0, string.Join("\n", questions));
    }

    static IEnumerable<SentText> All(string language)
    {
        var wording = Wordings.For(language);
        return EveryText.Fixed(wording).Concat(EveryText.Rendered(wording, EveryText.Signed));
    }

    static IEnumerable<string> Problems(string text)
    {
        if (text.IndexOfAny(['{', '}']) >= 0)
        {
            yield return "a placeholder or brace is left";
        }
        foreach (var sloppy in new[] { "  ", " .", " ,", "..", ". .", ":." })
        {
            if (text.Contains(sloppy, StringComparison.Ordinal))
            {
                yield return $"'{sloppy}'";
            }
        }
        if (text != text.Trim() || text.Length == 0)
        {
            yield return "empty, or spaces at an end";
        }
    }

    static IEnumerable<string> LatinWords(string text) =>
        LatinWord().Matches(Url().Replace(text, " ")).Select(m => m.Value);

    [GeneratedRegex(@"[A-Za-z\u00C0-\u024F]+")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
