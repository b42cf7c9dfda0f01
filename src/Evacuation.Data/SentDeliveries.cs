using System.Data.Common;
using System.Globalization;
using Evacuation.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Evacuation.Data;

/// <summary>
/// Records accepted messages, the dispatchers' hot path: each delivery becomes sent (unless something already
/// moved it on), the citizen's timeline gets a MessageSent entry and their last contact moves. One prepared
/// statement per kind, reused for every row inside the caller's transaction, instead of one EF Core command per
/// row; values are written as EF Core stores them on each provider.
/// </summary>
public static class SentDeliveries
{
    const string MarkSent = """
        UPDATE deliveries SET "State" = 'Sent', "ProviderMessageId" = @provider, "SentAt" = @now, "LeaseUntil" = NULL, "LastError" = NULL
        WHERE "Id" = @id AND "ClaimId" = @claim AND "State" IN ('Sending', 'Pending')
        """;

    const string AddEvent = """
        INSERT INTO citizen_events ("CitizenId", "At", "Kind", "Actor", "Detail") VALUES (@citizen, @now, 'MessageSent', 'system', @detail)
        """;

    // A reminder counts when it is sent, once (only when this call moved the delivery to Sent): the sweep only queues it.
    const string Touch = $"""
        UPDATE citizens SET "LastContactAt" = @now,
            "RemindersSent" = "RemindersSent" + CASE WHEN @moved = 1 AND EXISTS (
                SELECT 1 FROM deliveries d JOIN broadcasts b ON b."Id" = d."BroadcastId"
                WHERE d."Id" = @id AND b."CreatedBy" = '{ReminderRules.Author}') THEN 1 ELSE 0 END
        WHERE "Id" = @citizen
        """;

    public sealed record Accepted(Guid DeliveryId, Guid? ClaimId, Guid CitizenId, string? ProviderMessageId, string Detail);

    public static async Task RecordAsync(this EvacuationDb db, IReadOnlyList<Accepted> accepted, DateTime now, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0)
        {
            return;
        }
        var sqlite = db is SqliteEvacuationDb;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var markSent = Command(connection, transaction, MarkSent);
        await using var addEvent = Command(connection, transaction, AddEvent);
        await using var touch = Command(connection, transaction, Touch);
        var time = Time(now, sqlite);
        foreach (var row in accepted)
        {
            var claim = row.ClaimId is { } id ? Id(id, sqlite) : DBNull.Value;
            var moved = await RunAsync(markSent, cancellationToken, ("@provider", (object?)row.ProviderMessageId ?? DBNull.Value), ("@now", time), ("@id", Id(row.DeliveryId, sqlite)), ("@claim", claim));
            if (moved == 0)
            {
                // Someone else claimed it since (our lease ran out), or it moved on: theirs to record, not ours.
                continue;
            }
            await RunAsync(addEvent, cancellationToken, ("@citizen", Id(row.CitizenId, sqlite)), ("@now", time), ("@detail", row.Detail));
            await RunAsync(touch, cancellationToken, ("@now", time), ("@moved", moved), ("@id", Id(row.DeliveryId, sqlite)), ("@citizen", Id(row.CitizenId, sqlite)));
        }
    }

    static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    static async Task<int> RunAsync(DbCommand command, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        if (command.Parameters.Count == 0)
        {
            foreach (var (name, _) in values)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
        }
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value;
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // SQLite: TEXT upper-case GUIDs and "yyyy-MM-dd HH:mm:ss.FFFFFFF" times, as EF Core's SQLite mappings write them.
    static object Id(Guid id, bool sqlite) => sqlite ? id.ToString("D").ToUpperInvariant() : id;

    static object Time(DateTime time, bool sqlite) =>
        sqlite ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    /// <summary>The timeline line for an accepted message.</summary>
    public static string DetailFor(string kind, string channel, Guid broadcastId) => $"{kind} sent by {channel} (broadcast {broadcastId})";

}
