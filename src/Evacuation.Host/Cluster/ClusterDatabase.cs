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
        SessionConnectionString = builder.ConnectionString;
    }

    public NpgsqlDataSource Source { get; }

    /// <summary>For the node's one long-lived session (its name's lock and its LISTEN): not pooled, it is held for the node's life.</summary>
    public string SessionConnectionString { get; }

    public async Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken)
    {
        await using var command = Source.CreateCommand(sql);
        parameters(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
