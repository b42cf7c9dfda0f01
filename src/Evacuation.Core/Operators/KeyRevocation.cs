namespace Evacuation.Core.Operators;

/// <summary>Whether a key may be revoked.</summary>
public static class KeyRevocation
{
    /// <summary>
    /// Why <paramref name="target"/> may not be revoked now, or null when it may. The last Admin key cannot go: with
    /// none left, nobody could create or revoke keys again (create another Admin key first, then revoke this one).
    /// </summary>
    public static string? Refusal(StoredApiKey target, IReadOnlyCollection<StoredApiKey> active)
    {
        if (!target.IsActive)
        {
            return $"The key '{target.Name}' was already revoked.";
        }
        if (target.Role == OperatorRole.Admin && !active.Any(k => k.Id != target.Id && k.Role == OperatorRole.Admin))
        {
            return $"'{target.Name}' is the last Admin key; create another Admin key first, then revoke this one.";
        }
        return null;
    }
}
