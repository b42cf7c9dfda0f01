namespace Evacuation.Core.Cluster;

/// <summary>
/// A job only one node may do at a time (the <c>cluster_roles</c> table): the holder renews its lease on every
/// heartbeat, and another node may take the role once the lease has expired by the database's clock.
/// </summary>
public sealed class ClusterRole
{
    /// <summary>The role's name (<see cref="RoleNames"/>).</summary>
    public required string Role { get; set; }

    /// <summary>The holding node's name.</summary>
    public string Holder { get; set; } = "";

    /// <summary>The holding node's run (<see cref="ClusterNode.Instance"/>).</summary>
    public Guid Instance { get; set; }

    /// <summary>When the holder took the role (database time).</summary>
    public DateTime Since { get; set; }

    /// <summary>Until when the role is the holder's unless renewed (database time).</summary>
    public DateTime ExpiresAt { get; set; }
}
