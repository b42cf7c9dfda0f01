namespace Evacuation.Core.Replies;

/// <summary>
/// The words of one language, written as people write them (apostrophes, capitals and accents are fine: every
/// entry goes through the same <see cref="ReplyText"/> folding as the replies). Multi-word entries match those
/// words side by side. To teach the parser a new phrasing, add it to the right list and to the test corpus.
/// </summary>
internal sealed record Vocabulary
{
    public IReadOnlyList<string> Departed { get; init; } = [];

    public IReadOnlyList<string> OnTheWay { get; init; } = [];

    public IReadOnlyList<string> Staying { get; init; } = [];

    public IReadOnlyList<string> NeedsHelp { get; init; } = [];

    /// <summary>
    /// Phrases that mean nothing for us but contain words that would otherwise mislead: "thanks for the help",
    /// "don't need help", "we want to leave" (an infinitive one typo away from "left").
    /// </summary>
    public IReadOnlyList<string> Neutral { get; init; } = [];

    public IReadOnlyList<string> Route { get; init; } = [];

    /// <summary>Opt-out phrases that are unambiguous anywhere in a reply ("unsubscribe").</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>
    /// Opt-out words that count only at the very start of a reply: "end" or "stop" inside a sentence
    /// ("we had to stop at the checkpoint") must not silence an evacuation service.
    /// </summary>
    public IReadOnlyList<string> StopWhenFirst { get; init; } = [];

    /// <summary>Opt-in words; only at the start of a reply (a "yes" mid-sentence is not a request).</summary>
    public IReadOnlyList<string> StartWhenFirst { get; init; } = [];

    /// <summary>Enrolment words; only at the start of a reply.</summary>
    public IReadOnlyList<string> JoinWhenFirst { get; init; } = [];

    /// <summary>Words that introduce a language change: "lang", "язык", "мова", "שפה".</summary>
    public IReadOnlyList<string> LanguageWords { get; init; } = [];

    /// <summary>Names a citizen may use for each language we write in, keyed by language code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LanguageNames { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Command names typed Telegram-style, in a chat or an SMS ("/stop", "/маршрут"): a command named here is read as
    /// its word; any other command ("/settings", "/cancel") is someone else's and means nothing to us.
    /// </summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>
    /// Ordinary words one slip away from a word of the tables (<see cref="WordForms.OneSlipFrom"/>), which mean
    /// something else and so are never read as that word: "step" (stop), "let" (left), "стол" (стоп). Written as
    /// <see cref="ReplyText"/> folds them (lower case, "е" for "ё", "і" for "ї", no apostrophes).
    /// </summary>
    public IReadOnlyList<string> NearMisses { get; init; } = [];

    /// <summary>Words that negate a phrase when they come shortly before it: "not left", "не выехал".</summary>
    public IReadOnlyList<string> Negations { get; init; } = [];

    /// <summary>Words that negate a phrase when they come shortly after it: "left yet?".</summary>
    public IReadOnlyList<string> NegationsAfter { get; init; } = [];

    /// <summary>
    /// Every opening followed by every ending: ("we are in", "already in") x ("poland", "moldova"). Used for "we are
    /// in Poland" and its kin, which need a subject: a bare "in Poland" ("my sister is in Poland") would record a
    /// departure that did not happen, the most harmful mistake this parser can make.
    /// </summary>
    public static IEnumerable<string> Combine(IEnumerable<string> openings, IReadOnlyList<string> endings) =>
        openings.SelectMany(opening => endings.Select(ending => $"{opening} {ending}"));

    /// <summary>The words of a list written as text, separated by spaces and line breaks.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
