using Evacuation.Core.Citizens;

namespace Evacuation.Core.Broadcasts;

/// <summary>Finds the wording for a language code; an unknown code gets English rather than no message at all.</summary>
internal static class Wordings
{
    static readonly Dictionary<string, Wording> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        [Language.English] = EnglishWording.Value,
        [Language.Hebrew] = HebrewWording.Value,
        [Language.Russian] = RussianWording.Value,
        [Language.Ukrainian] = UkrainianWording.Value,
    };

    public static Wording For(string? language) =>
        ByLanguage.TryGetValue((language ?? "").Trim(), out var wording) ? wording : EnglishWording.Value;
}
