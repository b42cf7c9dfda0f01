using Evacuation.Core.Citizens;

namespace Evacuation.Core.Routes;

/// <summary>The countries a crossing from Ukraine may lead into (ISO 3166-1 alpha-2), with their names in our languages.</summary>
public static class BorderCountry
{
    public const string Poland = "PL";
    public const string Slovakia = "SK";
    public const string Hungary = "HU";
    public const string Romania = "RO";
    public const string Moldova = "MD";

    public static IReadOnlyList<string> All { get; } = [Poland, Slovakia, Hungary, Romania, Moldova];

    static readonly Dictionary<string, Dictionary<string, string>> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        [Poland] = new() { [Language.English] = "Poland", [Language.Hebrew] = "פולין", [Language.Russian] = "Польша", [Language.Ukrainian] = "Польща" },
        [Slovakia] = new() { [Language.English] = "Slovakia", [Language.Hebrew] = "סלובקיה", [Language.Russian] = "Словакия", [Language.Ukrainian] = "Словаччина" },
        [Hungary] = new() { [Language.English] = "Hungary", [Language.Hebrew] = "הונגריה", [Language.Russian] = "Венгрия", [Language.Ukrainian] = "Угорщина" },
        [Romania] = new() { [Language.English] = "Romania", [Language.Hebrew] = "רומניה", [Language.Russian] = "Румыния", [Language.Ukrainian] = "Румунія" },
        [Moldova] = new() { [Language.English] = "Moldova", [Language.Hebrew] = "מולדובה", [Language.Russian] = "Молдова", [Language.Ukrainian] = "Молдова" },
    };

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    /// <summary>The country's name in <paramref name="language"/>, English for an unknown language, the code itself for an unknown country.</summary>
    public static string Name(string code, string language)
    {
        if (!Names.TryGetValue(code, out var byLanguage))
        {
            return code;
        }

        return byLanguage.TryGetValue(language, out var name) ? name : byLanguage[Language.English];
    }
}
