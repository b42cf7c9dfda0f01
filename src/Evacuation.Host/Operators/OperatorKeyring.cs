using System.Security.Cryptography;

namespace Evacuation.Host.Operators;

/// <summary>
/// The keys the service accepts: those in configuration and those stored in the database (hashes only).
/// </summary>
public sealed class OperatorKeyring
{
    volatile OperatorKey[] keys = [];

    public int Count => keys.Length;

    public void Add(OperatorKey key) => keys = [.. keys, key];

    /// <summary>
    /// Finds the key presented. Every stored hash is compared, each in constant time, so the time taken says
    /// nothing about how close a guess was.
    /// </summary>
    public OperatorKey? Find(string presented)
    {
        var hash = OperatorKey.HashOf(presented);
        OperatorKey? match = null;
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                match = key;
            }
        }
        return match;
    }
}
