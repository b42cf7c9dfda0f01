namespace Evacuation.Core.Operators;

/// <summary>The rule for a key's name: it is what the audit log and the timeline show, so it must read as one.</summary>
public static class KeyName
{
    public const int MaxLength = 100;

    /// <summary>Why <paramref name="name"/> cannot name a key, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "name is required: the audit log shows it for everything the key does";
        }
        if (name.Length > MaxLength)
        {
            return $"name must be at most {MaxLength} characters";
        }
        if (name.Any(char.IsControl) || name.Trim().Length != name.Length)
        {
            return "name must not start or end with spaces or contain control characters";
        }
        if (Broadcasts.Authors.All.Any(author => Same(author, name)))
        {
            return $"name '{name}' is what the service signs its own messages with; choose another";
        }
        return null;
    }

    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
