using Microsoft.Data.Sqlite;
using Npgsql;

namespace Evacuation.Data;

/// <summary>
/// Tells "this row is already stored" from every other storage failure. Both providers report a busy, full or lost
/// database as exceptions too, often wrapped in the same <c>DbUpdateException</c>: only a unique-key violation on the
/// named index means the row exists (SQLite's SQLITE_CONSTRAINT_UNIQUE, https://www.sqlite.org/rescode.html#constraint_unique;
/// PostgreSQL's 23505, https://www.postgresql.org/docs/current/errcodes-appendix.html).
/// </summary>
public static class UniqueKey
{
    const int SqliteConstraintUnique = 2067;

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is a violation of the unique index on <paramref name="columns"/> of <paramref name="table"/>.</summary>
    public static bool IsViolated(Exception exception, string table, params string[] columns)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique } sqlite:
                    return FailedColumns(sqlite.Message) == string.Join(", ", columns.Select(c => table + "." + c));
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres:
                    return postgres.ConstraintName == $"IX_{table}_{string.Join('_', columns)}";
            }
        }
        return false;
    }

    /// <summary>SQLite names the columns, not the index: "SQLite Error 19: 'UNIQUE constraint failed: replies.Channel, replies.ProviderKey'."</summary>
    static string? FailedColumns(string message)
    {
        const string Marker = "UNIQUE constraint failed: ";
        var start = message.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        start += Marker.Length;
        var end = message.IndexOf('\'', start);
        return end < 0 ? message[start..].TrimEnd('.') : message[start..end];
    }
}
