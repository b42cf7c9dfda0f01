using Evacuation.Core.Cluster;
using Npgsql;

namespace Evacuation.Host.Cluster;

/// <summary>Joining the nodes on one PostgreSQL database at start (nothing on SQLite).</summary>
public static class ClusterJoin
{
    /// <summary>Takes this node's name (<see cref="NodeSession"/>) and compares its shared settings with the live nodes'.</summary>
    public static async Task JoinClusterAsync(this WebApplication app)
    {
        if (app.Services.GetService<NodeSession>() is not { } session)
        {
            return;
        }
        var stopping = app.Lifetime.ApplicationStopping;
        await session.JoinAsync(stopping);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Evacuation.Cluster");
        var mine = app.Services.GetRequiredService<SettingsFingerprint>().Shared;
        var identity = app.Services.GetRequiredService<NodeIdentity>();
        foreach (var (node, json) in await LiveNodesAsync(app.Services.GetRequiredService<ClusterDatabase>(), identity.Name, stopping))
        {
            var differ = mine.DifferencesFrom(SharedSettings.FromJson(json));
            if (differ.Count > 0)
            {
                logger.LogError(
                    "SETTINGS DIFFER from live node {Node}: {Keys}. Every node on one database must use the same values, or the bot-wide rate and the crossings are no longer one",
                    node, string.Join(", ", differ));
            }
        }
    }

    static async Task<List<(string Node, string Settings)>> LiveNodesAsync(ClusterDatabase database, string me, CancellationToken cancellationToken)
    {
        await using var command = database.Source.CreateCommand(
            """SELECT "Name", "Settings" FROM cluster_nodes WHERE "Name" <> @me AND "HeartbeatAt" > now() - interval '1 minute'""");
        command.Parameters.AddWithValue("me", me);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var nodes = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add((reader.GetString(0), reader.GetString(1)));
        }
        return nodes;
    }
}
