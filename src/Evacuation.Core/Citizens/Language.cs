namespace Evacuation.Core.Citizens;

/// <summary>The languages we write to citizens in. Codes are ISO 639-1, stored lower-case.</summary>
public static class Language
{
    public const string English = "en";
    public const string Hebrew = "he";
    public const string Russian = "ru";
    public const string Ukrainian = "uk";

    public static IReadOnlyList<string> All { get; } = [English, Hebrew, Russian, Ukrainian];

    /// <summary>Reads a language code in any case ("EN", " uk ") into its stored form.</summary>
    public static bool TryParse(string? value, out string code)
    {
        code = (value ?? "").Trim().ToLowerInvariant();
        return All.Contains(code);
    }
}
