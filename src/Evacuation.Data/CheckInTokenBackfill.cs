namespace Evacuation.Data;

/// <summary>
/// Run once by the migration that adds check-in tokens: every citizen already registered gets one, 128 bits from the
/// database's cryptographic generator as 32 lowercase hex digits, the same shape the service issues
/// (Core.CheckIn.CheckInToken). SQLite's randomblob() and PostgreSQL's gen_random_uuid() (13 and later, 122 random
/// bits each; two hashed together) both draw on the operating system's randomness.
/// </summary>
public static class CheckInTokenBackfill
{
    public const string Sqlite = """
        UPDATE citizens SET "CheckInToken" = lower(hex(randomblob(16))) WHERE "CheckInToken" IS NULL;
        """;

    public const string Postgres = """
        UPDATE citizens SET "CheckInToken" = left(encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'), 32)
        WHERE "CheckInToken" IS NULL;
        """;
}
