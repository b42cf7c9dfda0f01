using Evacuation.Core.Citizens;

namespace Evacuation.Core.Texts;

/// <summary>Finds the wording for a language code (any case); an unknown code gets English rather than no message at all.</summary>
public static class Wordings
{
    static readonly Dictionary<string, Wording> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        [Language.English] = EnglishWording.Value,
        [Language.Hebrew] = HebrewWording.Value,
        [Language.Russian] = RussianWording.Value,
        [Language.Ukrainian] = UkrainianWording.Value,
    };

    public static IReadOnlyList<Wording> All { get; } = [.. Language.All.Select(language => ByLanguage[language])];

    public static Wording For(string? language) =>
        ByLanguage.TryGetValue((language ?? "").Trim(), out var wording) ? wording : EnglishWording.Value;
}
