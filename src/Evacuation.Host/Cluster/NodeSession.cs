using System.Security.Cryptography;
using System.Text;
using Evacuation.Host.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Evacuation.Host.Cluster;

/// <summary>
/// This node's one long-lived PostgreSQL session, holding an advisory lock on the node's name for as long as the
/// process lives: PostgreSQL releases it when the process dies (its connection closes), so a restarted node gets its
/// name back at once, and two live processes never share a name (which would let both think they hold one role).
/// https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
/// </summary>
public sealed class NodeSession(ClusterDatabase database, NodeIdentity identity, IOptions<ClusterOptions> options, ILogger<NodeSession> logger)
    : IAsyncDisposable
{
    NpgsqlConnection? connection;

    /// <summary>
    /// Takes the name's lock. A default name already held by a live process (two nodes started from one folder) gets a
    /// suffix; a configured one is waited for one role lease (a killed node's session may take a moment to end), then
    /// stops the start with a line naming <c>Cluster:NodeName</c>.
    /// </summary>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        connection = new NpgsqlConnection(database.SessionConnectionString);
        await connection.OpenAsync(cancellationToken);
        var giveUpAt = DateTime.UtcNow + options.Value.RoleLease;
        while (!await TryLockAsync(identity.Name, cancellationToken))
        {
            if (!identity.Configured)
            {
                identity.Rename();
                continue;
            }
            if (DateTime.UtcNow > giveUpAt)
            {
                throw new ConfigurationProblemException(
                    $"Cluster:NodeName '{identity.Name}' is used by another running node on this database; give each node its own name");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        logger.LogInformation("Joined the cluster as node {Node}", identity.Name);
    }

    async Task<bool> TryLockAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", KeyOf(name));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("evacuation node " + name)), 0);

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
