using System.Security.Cryptography;

namespace Evacuation.Core.CheckIn;

/// <summary>
/// The secret in a citizen's check-in link (<c>{Web:PublicBaseUrl}/c/{token}</c>): 128 random bits from the operating
/// system's cryptographic generator, written as 32 lowercase hexadecimal digits so it survives any SMS encoding and
/// any URL parser. Whoever holds the link can answer for the citizen, and nothing else: it shows no phone number.
/// </summary>
public static class CheckInToken
{
    public const int Length = 32;

    const int Bytes = Length / 2;

    // Each call to the system generator costs microseconds here (over a second for a 100,000-row import, one token per
    // row), so each thread draws a block at a time and hands out its bytes once each: still all from the system's
    // cryptographic generator, never reused.
    [ThreadStatic]
    static byte[]? block;

    [ThreadStatic]
    static int used;

    public static string New()
    {
        if (block is null || used == block.Length)
        {
            block ??= new byte[Bytes * 256];
            RandomNumberGenerator.Fill(block);
            used = 0;
        }
        var token = Convert.ToHexStringLower(block, used, Bytes);
        Array.Clear(block, used, Bytes);
        used += Bytes;
        return token;
    }

    /// <summary>The shape of a token, checked before any lookup: anything else is answered 404 without touching the database.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
