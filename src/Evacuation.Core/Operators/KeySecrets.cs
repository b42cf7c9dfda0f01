namespace Evacuation.Core.Operators;

/// <summary>What a key or secret we are given must look like before we accept it.</summary>
public static class KeySecrets
{
    /// <summary>Keys and secrets shorter than this are refused: 32 random characters leave nothing to guess.</summary>
    public const int MinimumLength = 32;

    /// <summary>
    /// True for a placeholder copied from <c>appsettings.example.json</c> rather than a real value: the example writes
    /// every secret as <c>&lt;what-goes-here&gt;</c> (and passwords inside connection strings the same way).
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var open = value.IndexOf('<', StringComparison.Ordinal);
        return open >= 0 && value.IndexOf('>', open) > open;
    }
}
