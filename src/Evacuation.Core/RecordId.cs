using System.Buffers.Binary;

namespace Evacuation.Core;

/// <summary>
/// Ids of stored records (citizens, broadcasts, deliveries): UUID version 7, time-ordered, so each new row lands at the
/// end of the key index instead of a random page (RFC 9562, section 5.7: https://www.rfc-editor.org/rfc/rfc9562#section-5.7).
/// </summary>
/// <remarks>
/// The 74 random bits come from <see cref="Random.Shared"/> (seeded once from the operating system), not from
/// <see cref="Guid.CreateVersion7()"/>, which asks the operating system for every id: a cost paid for every row of an
/// import or fan-out, and again for every record EF reads back (it runs the property initializer before setting the
/// stored id); README, "Benchmarks". These ids name records; they are not secrets (invite tokens
/// are made separately, from a cryptographic source).
/// </remarks>
public static class RecordId
{
    public static Guid New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        // 48 bits of Unix milliseconds, big-endian, then the version nibble (7) and the variant bits (10).
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], (milliseconds << 16) | BinaryPrimitives.ReadUInt16BigEndian(bytes[6..8]));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
