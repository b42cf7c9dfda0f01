using Evacuation.Core.Texts;

namespace Evacuation.Core.Routes;

/// <summary>The countries a crossing from Ukraine may lead into (ISO 3166-1 alpha-2); their names are in <see cref="Wordings"/>.</summary>
public static class BorderCountry
{
    public const string Poland = "PL";
    public const string Slovakia = "SK";
    public const string Hungary = "HU";
    public const string Romania = "RO";
    public const string Moldova = "MD";

    public static IReadOnlyList<string> All { get; } = [Poland, Slovakia, Hungary, Romania, Moldova];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The country's name in <paramref name="language"/>, English for an unknown language, the code itself for an unknown country.</summary>
    public static string Name(string code, string language) =>
        Wordings.For(language).Directions.Countries.TryGetValue(code.ToUpperInvariant(), out var name) ? name : code;
}
