using Evacuation.Core.Channels;
using Evacuation.Core.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>
/// <c>cluster_nodes</c> and <c>cluster_roles</c>: the processes sharing a PostgreSQL database and the jobs one of them
/// holds at a time. Their times are written with the database's clock (raw SQL in the host's Cluster folder).
/// </summary>
sealed class ClusterNodeTable : IEntityTypeConfiguration<ClusterNode>
{
    public void Configure(EntityTypeBuilder<ClusterNode> n)
    {
        n.ToTable("cluster_nodes");
        n.HasKey(x => x.Name);
        n.Property(x => x.Name).HasMaxLength(100);
        n.Property(x => x.Roles).HasMaxLength(200);
        n.Property(x => x.Settings).HasMaxLength(4000);
    }
}

sealed class ClusterRoleTable : IEntityTypeConfiguration<ClusterRole>
{
    public void Configure(EntityTypeBuilder<ClusterRole> r)
    {
        r.ToTable("cluster_roles");
        r.HasKey(x => x.Role);
        r.Property(x => x.Role).HasMaxLength(64);
        r.Property(x => x.Holder).HasMaxLength(100);
    }
}

/// <summary><c>channel_stops</c>: channels stopped for misconfiguration, one row each while stopped, seen by every node.</summary>
sealed class ChannelStopTable : IEntityTypeConfiguration<ChannelStop>
{
    public void Configure(EntityTypeBuilder<ChannelStop> s)
    {
        s.ToTable("channel_stops");
        s.HasKey(x => x.Channel);
        s.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        s.Property(x => x.Reason).HasMaxLength(500);
        s.Property(x => x.SeenBy).HasMaxLength(100);
        s.Property(x => x.ProbeResult).HasMaxLength(500);
    }
}
