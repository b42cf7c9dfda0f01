using System.Data.Common;
using System.Globalization;
using Evacuation.Core.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Evacuation.Data;

/// <summary>
/// Writes fan-out batches of new deliveries. On SQLite one prepared INSERT is reused for every row inside the
/// caller's transaction, several times faster than change tracking, which is what lets 100,000 rows land in a
/// few seconds; values are written exactly as EF Core's SQLite mappings store them (TEXT upper-case GUIDs,
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> times, enum names). PostgreSQL takes EF Core's batched inserts.
/// </summary>
public static class DeliveryInserts
{
    const string Insert = """
        INSERT INTO deliveries ("Id", "BroadcastId", "CitizenId", "Channel", "Address", "Text", "WithReplyButtons", "State",
            "Attempts", "NextAttemptAt", "CreatedAt")
        VALUES ($id, $broadcast, $citizen, $channel, $address, $text, $buttons, $state, 0, $next, $created)
        ON CONFLICT DO NOTHING
        """;

    public static async Task InsertAsync(this EvacuationDb db, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return;
        }
        if (db is not SqliteEvacuationDb)
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Deliveries.AddRange(deliveries);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return;
        }
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = Insert;
        var id = Add(command, "$id");
        var broadcast = Add(command, "$broadcast");
        var citizen = Add(command, "$citizen");
        var channel = Add(command, "$channel");
        var address = Add(command, "$address");
        var text = Add(command, "$text");
        var buttons = Add(command, "$buttons");
        var state = Add(command, "$state");
        var next = Add(command, "$next");
        var created = Add(command, "$created");
        await command.PrepareAsync(cancellationToken);
        foreach (var d in deliveries)
        {
            id.Value = SqliteGuid(d.Id);
            broadcast.Value = SqliteGuid(d.BroadcastId);
            citizen.Value = SqliteGuid(d.CitizenId);
            channel.Value = d.Channel.ToString();
            address.Value = d.Address;
            text.Value = d.Text;
            buttons.Value = d.WithReplyButtons ? 1 : 0;
            state.Value = d.State.ToString();
            next.Value = SqliteTime(d.NextAttemptAt);
            created.Value = SqliteTime(d.CreatedAt);
            // Synchronous on purpose: SQLite has no asynchronous I/O, and the async path only adds overhead per row.
            command.ExecuteNonQuery();
        }
    }

    static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    static string SqliteGuid(Guid id) => id.ToString("D").ToUpperInvariant();

    static string SqliteTime(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
