using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Stats;

/// <summary>
/// The citizens' counters by region and status (<see cref="CitizenCount"/>): read as the folded counts plus the changes
/// not yet folded, in one statement, so every answer is exact as of its own read and costs the same at 100 or
/// 1,000,000 citizens; folded every second by <see cref="CounterLoop"/> so the changes stay few.
/// </summary>
public static class CitizenCounts
{
    public sealed record Group(string Region, string Status, long Citizens, long People, long OptedOut, long Unreachable);

    const string Both = """
        SELECT "Region", "Status", CAST(SUM("Citizens") AS BIGINT) AS "Citizens", CAST(SUM("People") AS BIGINT) AS "People",
            CAST(SUM("OptedOut") AS BIGINT) AS "OptedOut", CAST(SUM("Unreachable") AS BIGINT) AS "Unreachable"
        FROM (
            SELECT "Region", "Status", "Citizens", "People", "OptedOut", "Unreachable" FROM citizen_counts
            UNION ALL
            SELECT "Region", "Status", "Citizens", "People", "OptedOut", "Unreachable" FROM citizen_count_deltas) t
        GROUP BY "Region", "Status"
        """;

    /// <summary>Every region and status with at least one citizen; the region is empty for citizens with none.</summary>
    public static async Task<List<Group>> ReadAsync(EvacuationDb db, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<Group>(Both).ToListAsync(cancellationToken)).Where(g => g.Citizens != 0).ToList();

    const string Sums = """
        "Region", "Status", SUM("Citizens"), SUM("People"), SUM("OptedOut"), SUM("Unreachable")
        """;

    const string Upsert = """
        ON CONFLICT ("Region", "Status") DO UPDATE SET "Citizens" = citizen_counts."Citizens" + excluded."Citizens",
            "People" = citizen_counts."People" + excluded."People", "OptedOut" = citizen_counts."OptedOut" + excluded."OptedOut",
            "Unreachable" = citizen_counts."Unreachable" + excluded."Unreachable"
        """;

    /// <summary>
    /// Moves the waiting changes into the counts, inside the caller's transaction and fold lock (<see cref="CounterFold"/>):
    /// on PostgreSQL exactly the rows it deletes (changes committed meanwhile wait for the next fold); on SQLite, the
    /// single writer, those up to the last one it saw.
    /// </summary>
    public static async Task FoldInAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        if (db is PostgresEvacuationDb)
        {
            await db.Database.ExecuteSqlRawAsync(PostgresFold, cancellationToken);
            return;
        }
        var last = await db.CitizenCountDeltas.MaxAsync(d => (long?)d.Id, cancellationToken);
        if (last is not null)
        {
            await db.Database.ExecuteSqlRawAsync(SqliteFold, [last.Value], cancellationToken);
        }
    }

    const string PostgresFold = """
        WITH moved AS (DELETE FROM citizen_count_deltas RETURNING "Region", "Status", "Citizens", "People", "OptedOut", "Unreachable")
        INSERT INTO citizen_counts ("Region", "Status", "Citizens", "People", "OptedOut", "Unreachable")
        SELECT 
        """ + Sums + """
         FROM moved GROUP BY "Region", "Status"
        """ + Upsert;

    const string SqliteFold = """
        INSERT INTO citizen_counts ("Region", "Status", "Citizens", "People", "OptedOut", "Unreachable")
        SELECT 
        """ + Sums + """
         FROM citizen_count_deltas WHERE "Id" <= {0} GROUP BY "Region", "Status"
        """ + Upsert + """
        ;
        DELETE FROM citizen_count_deltas WHERE "Id" <= {0};
        """;
}
