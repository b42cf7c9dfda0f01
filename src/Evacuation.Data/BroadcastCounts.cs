using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data;

/// <summary>
/// A broadcast's progress counted in recipients, not messages (docs/api.md, "Broadcasts"). Per citizen: sent when any
/// channel accepted the message; delivered on a provider receipt, or for Telegram (which has no receipts) once the
/// citizen replied after it was sent; expired when nothing is open or sent, none cancelled and one passed its expiry;
/// failed when nothing is open or sent and none was cancelled or expired; confirmed when they
/// are now Departed and their status changed after the message was sent.
/// </summary>
public sealed record BroadcastCounts(long Sent, long Delivered, long Failed, long Cancelled, long Confirmed, long Expired)
{
    const string Sql = """
        SELECT
            COALESCE(SUM(t.s), 0) AS "Sent",
            COALESCE(SUM(t.dl), 0) AS "Delivered",
            COALESCE(SUM(CASE WHEN t.s = 0 AND t.o = 0 AND t.c = 0 AND t.x = 0 THEN 1 ELSE 0 END), 0) AS "Failed",
            COALESCE(SUM(CASE WHEN t.s = 0 AND t.o = 0 AND t.c = 0 AND t.x = 1 THEN 1 ELSE 0 END), 0) AS "Expired",
            COALESCE(SUM(CASE WHEN t.s = 0 AND t.o = 0 AND t.c = 1 THEN 1 ELSE 0 END), 0) AS "Cancelled",
            COALESCE(SUM(CASE WHEN t.s = 1 AND c."Status" = 'Departed' AND EXISTS (
                SELECT 1 FROM citizen_events e
                WHERE e."CitizenId" = t."CitizenId" AND e."Kind" = 'StatusChanged' AND e."At" >= t.first_sent) THEN 1 ELSE 0 END), 0) AS "Confirmed"
        FROM (
            SELECT d."CitizenId",
                MAX(CASE WHEN d."State" IN ('Sent', 'Delivered') THEN 1 ELSE 0 END) AS s,
                MAX(CASE WHEN d."State" = 'Delivered' OR (d."Channel" = 'Telegram' AND d."State" = 'Sent' AND EXISTS (
                    SELECT 1 FROM citizen_events r
                    WHERE r."CitizenId" = d."CitizenId" AND r."Kind" = 'ReplyReceived' AND r."At" >= d."SentAt")) THEN 1 ELSE 0 END) AS dl,
                MAX(CASE WHEN d."State" IN ('Pending', 'Sending') THEN 1 ELSE 0 END) AS o,
                MAX(CASE WHEN d."State" = 'Cancelled' THEN 1 ELSE 0 END) AS c,
                MAX(CASE WHEN d."State" = 'Expired' THEN 1 ELSE 0 END) AS x,
                MIN(d."SentAt") AS first_sent
            FROM deliveries d
            WHERE d."BroadcastId" = {0}
            GROUP BY d."CitizenId") t
        JOIN citizens c ON c."Id" = t."CitizenId"
        """;

    public static async Task<BroadcastCounts> OfAsync(EvacuationDb db, Guid broadcastId, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<BroadcastCounts>(Sql, broadcastId).ToListAsync(cancellationToken)).Single();
}
