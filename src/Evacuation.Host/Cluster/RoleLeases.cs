using Evacuation.Core.Channels;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace Evacuation.Host.Cluster;

/// <summary>
/// The statements behind <see cref="Heartbeat"/>, every time taken from the database's clock (<c>now()</c>), so nodes
/// whose clocks disagree still agree on who holds a role and when a lease has run out.
/// </summary>
public sealed class RoleLeases(ClusterDatabase database, NodeIdentity identity, SettingsFingerprint settings, IOptions<ClusterOptions> options)
{
    /// <summary>Writes this node's row (heartbeat, roles, settings) and answers the database's time.</summary>
    public async Task<DateTime> WriteNodeAsync(string heldRoles, CancellationToken cancellationToken)
    {
        await using var command = database.Source.CreateCommand("""
            INSERT INTO cluster_nodes ("Name", "Instance", "StartedAt", "HeartbeatAt", "Roles", "Settings")
            VALUES (@name, @instance, now(), now(), @roles, @settings)
            ON CONFLICT ("Name") DO UPDATE SET
                "Instance" = excluded."Instance",
                "StartedAt" = CASE WHEN cluster_nodes."Instance" = excluded."Instance" THEN cluster_nodes."StartedAt" ELSE now() END,
                "HeartbeatAt" = now(), "Roles" = excluded."Roles", "Settings" = excluded."Settings"
            RETURNING "HeartbeatAt"
            """);
        command.Parameters.AddWithValue("name", identity.Name);
        command.Parameters.AddWithValue("instance", identity.Instance);
        command.Parameters.AddWithValue("roles", heldRoles);
        command.Parameters.AddWithValue("settings", settings.Json);
        return (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Takes <paramref name="role"/> when nobody holds it, its lease ran out, or its holder is this node's name (a
    /// restart: the name's lock in <see cref="NodeSession"/> proves the old run is gone); renews it when held. Null when
    /// another node holds it; else whether it was just taken, and from whom.
    /// </summary>
    public async Task<(bool TakenNow, string? Previous)?> TakeOrRenewAsync(string role, CancellationToken cancellationToken)
    {
        await using var command = database.Source.CreateCommand("""
            WITH old AS (SELECT "Holder", "Instance" FROM cluster_roles WHERE "Role" = @role)
            INSERT INTO cluster_roles ("Role", "Holder", "Instance", "Since", "ExpiresAt")
            VALUES (@role, @name, @instance, now(), now() + @lease)
            ON CONFLICT ("Role") DO UPDATE SET
                "Holder" = excluded."Holder", "Instance" = excluded."Instance", "ExpiresAt" = excluded."ExpiresAt",
                "Since" = CASE WHEN cluster_roles."Instance" = excluded."Instance" THEN cluster_roles."Since" ELSE now() END
            WHERE cluster_roles."Instance" = excluded."Instance" OR cluster_roles."Holder" = excluded."Holder" OR cluster_roles."ExpiresAt" < now()
            RETURNING (SELECT "Instance" FROM old), (SELECT "Holder" FROM old)
            """);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("name", identity.Name);
        command.Parameters.AddWithValue("instance", identity.Instance);
        command.Parameters.AddWithValue("lease", NpgsqlDbType.Interval, options.Value.RoleLease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var previousInstance = reader.IsDBNull(0) ? (Guid?)null : reader.GetGuid(0);
        var previous = reader.IsDBNull(1) ? null : reader.GetString(1);
        return (previousInstance != identity.Instance, previous);
    }

    /// <summary>
    /// A channel's deliveries still marked as being sent: only the sending role's holder claims, so after a takeover they
    /// are the previous holder's, and go back to the queue now rather than when their lease (30 s) runs out.
    /// </summary>
    public async Task<int> TakeBackClaimsAsync(ChannelKind channel, CancellationToken cancellationToken)
    {
        await using var command = database.Source.CreateCommand("""
            UPDATE deliveries SET "State" = 'Pending', "LeaseUntil" = NULL, "LastError" = 'taken back from the previous sending node'
            WHERE "Channel" = @channel AND "State" = 'Sending'
            """);
        command.Parameters.AddWithValue("channel", channel.ToString());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives up this run's roles (a clean stop), so others take them at their next heartbeat.</summary>
    public Task<int> HandBackAsync(CancellationToken cancellationToken) =>
        database.ExecuteAsync("""DELETE FROM cluster_roles WHERE "Instance" = @instance""",
            p => p.AddWithValue("instance", identity.Instance), cancellationToken);
}
