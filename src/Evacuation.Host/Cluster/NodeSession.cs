using System.Data;
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
/// When the session is lost (the database restarted or could not be reached), the heartbeat takes the lock again
/// (<see cref="HoldAsync"/>) before it asks for any role: without it, a node with this name started meanwhile would
/// take this node's roles as its own restart.
/// </summary>
public sealed class NodeSession(ClusterDatabase database, NodeIdentity identity, IOptions<ClusterOptions> options, ILogger<NodeSession> logger)
    : IHostedService, IAsyncDisposable
{
    NpgsqlConnection? connection;
    readonly SemaphoreSlim turn = new(1, 1); // the heartbeat's re-lock and the stop's release never overlap
    bool left;

    /// <summary>
    /// Takes the name's lock. A default name already held by a live process (two nodes started from one folder) gets a
    /// suffix; a configured one is waited for one role lease (a killed node's session may take a moment to end), then
    /// stops the start with a line naming <c>Cluster:NodeName</c>.
    /// </summary>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken);
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

    /// <summary>
    /// Whether this node still holds its name's lock, taking it again when the session was lost. A session of this
    /// same run that the server still keeps (a network cut the server has not noticed) is ended first, since it would
    /// hold the lock until the server's TCP keepalive gives up on it, which can take hours.
    /// </summary>
    public async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            // Stopping: a session re-opened now would hold the name after the process has let it go. The session's
            // statements are not cancelled by the stop (the cluster connection's 3 s timeouts bound them): a cancel
            // request reaches the server on its own connection, late enough to hit the stop's unlock instead.
            return !left && await HoldLockedAsync(CancellationToken.None);
        }
        finally
        {
            turn.Release();
        }
    }

    async Task<bool> HoldLockedAsync(CancellationToken cancellationToken)
    {
        if (connection is { State: ConnectionState.Open } && await AliveAsync(cancellationToken))
        {
            return true;
        }
        await ConnectAsync(cancellationToken);
        if (!await TryLockAsync(identity.Name, cancellationToken))
        {
            await EndStaleSessionsAsync(cancellationToken);
            if (!await TryLockAsync(identity.Name, cancellationToken))
            {
                logger.LogError("Node name {Node} is locked by another process on this database: this node holds no role until it is free", identity.Name);
                return false;
            }
        }
        logger.LogInformation("Node name {Node} locked again after its database session was lost", identity.Name);
        return true;
    }

    async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(database.SessionConnectionString) { ApplicationName = ApplicationName };
        connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
    }

    /// <summary>Names this run's session, so a stale one can be told from another process's.</summary>
    string ApplicationName => $"evacuation session {identity.Instance:N}";

    async Task<bool> AliveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    async Task EndStaleSessionsAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a
            WHERE a.application_name = @name AND a.pid <> pg_backend_pid()
            """, connection);
        command.Parameters.AddWithValue("name", ApplicationName);
        var ended = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ended++;
            }
        }
        if (ended > 0)
        {
            logger.LogWarning("Ended {Count} stale database session(s) of this node that still held its name", ended);
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken); // the server releases their locks as they exit
        }
    }

    async Task<bool> TryLockAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", KeyOf(name));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Lets the name go before the session closes, so a node of this name started right after (a restart in the same
    /// process) finds it free instead of racing the server's end of this session. All of them: a session-level advisory
    /// lock taken twice is held until unlocked twice.
    /// </summary>
    async Task UnlockAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning("Could not let node name {Node} go before closing its session ({Error}: {Message}); the server releases it as the session ends",
                identity.Name, e.GetType().Name, e.Message);
        }
    }

    static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("evacuation node " + name)), 0);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask; // joined before the host starts

    /// <summary>
    /// The name is let go when the host stops, after the services registered after this one (the heartbeat, the
    /// senders) have stopped, so a node of this name started right after finds it free. Not at disposal: a host's
    /// stop is awaited by whoever stops it, its disposal may still be running when they go on.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken) => LeaveAsync();

    public async ValueTask DisposeAsync() => await LeaveAsync(); // a host that never started, or did not stop

    async Task LeaveAsync()
    {
        await turn.WaitAsync();
        try
        {
            left = true;
            if (connection is not null)
            {
                await UnlockAsync();
                await connection.DisposeAsync();
                connection = null;
                logger.LogInformation("Left the cluster: node name {Node} released", identity.Name);
            }
        }
        finally
        {
            turn.Release();
        }
    }
}
