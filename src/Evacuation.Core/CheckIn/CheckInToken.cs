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

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>The shape of a token, checked before any lookup: anything else is answered 404 without touching the database.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
