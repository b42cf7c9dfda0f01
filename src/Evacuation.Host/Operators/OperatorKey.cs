using System.Security.Cryptography;
using System.Text;
using Evacuation.Core.Operators;

namespace Evacuation.Host.Operators;

/// <summary>A key we accept, known only by its SHA-256 hash.</summary>
public sealed record OperatorKey(Guid Id, string Name, OperatorRole Role, byte[] Hash)
{
    public static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The hash as it is stored: upper-case hex.</summary>
    public static string StoredHashOf(string key) => Convert.ToHexString(HashOf(key));

    /// <summary>A fresh random key: 32 bytes, URL-safe base64, prefixed so it is recognisable in a password manager (48 characters).</summary>
    public static string Generate() =>
        "evac_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
