using Npgsql;

namespace Evacuation.Host.Cluster;

/// <summary>
/// Connections for the cluster's own small statements (heartbeats, leases, notifications), apart from the service's
/// pool so a busy pool never delays a heartbeat, and with short timeouts so a database that stops answering is noticed
/// within seconds rather than after Npgsql's defaults (15 s to connect, 30 s a command).
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    public ClusterDatabase(string connectionString, string nodeName)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = 3,
            CommandTimeout = 3,
            MaxPoolSize = 4,
            // Npgsql sends a keepalive query on an idle connection, so a session that went away is found at once.
            KeepAlive = 1,
            ApplicationName = "evacuation " + nodeName,
        };
        Source = NpgsqlDataSource.Create(builder);
        SessionConnectionString = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false }.ConnectionString;
    }

    public NpgsqlDataSource Source { get; }

    /// <summary>
    /// For the node's one long-lived session (its name's lock). Not pooled: closing a pooled connection hands its
    /// server session, and the advisory lock on it, to Npgsql's pool, where it stays held until the connection is
    /// reused or pruned (minutes), so a node stopped in a process that lives on would keep its name.
    /// https://www.npgsql.org/doc/connection-string-parameters.html#pooling
    /// </summary>
    public string SessionConnectionString { get; }

    public async Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken)
    {
        await using var command = Source.CreateCommand(sql);
        parameters(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
