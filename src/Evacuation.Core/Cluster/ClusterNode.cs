namespace Evacuation.Core.Cluster;

/// <summary>
/// One service process sharing the database (the <c>cluster_nodes</c> table). Its heartbeat is written with the
/// database's clock, so a node whose own clock is off is judged alive or dead by the same time as every other.
/// </summary>
public sealed class ClusterNode
{
    /// <summary>The node's name (<c>Cluster:NodeName</c>, or one made from the machine and folder): the same after a restart.</summary>
    public required string Name { get; set; }

    /// <summary>This run of the node; a restart gets a new one.</summary>
    public Guid Instance { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>The database's time of the node's last heartbeat.</summary>
    public DateTime HeartbeatAt { get; set; }

    /// <summary>The roles the node held at its last heartbeat, comma-separated (e.g. "sender:Telegram,telegram-poller").</summary>
    public string Roles { get; set; } = "";

    /// <summary>The settings every node must share, as JSON of setting key to fingerprint (<see cref="SharedSettings"/>).</summary>
    public string Settings { get; set; } = "{}";
}
