using Evacuation.Host.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Cluster;

/// <summary>Settings for service nodes sharing one PostgreSQL database in a test.</summary>
public static class Nodes
{
    /// <summary>A named node with fast heartbeats, so roles change hands in a fraction of a second.</summary>
    public static Dictionary<string, string?> Settings(string name, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:NodeName"] = name,
            ["Cluster:Heartbeat"] = "00:00:00.100",
            ["Cluster:RoleLease"] = "00:00:00.500",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    public static NodeRoles Roles(this EvacuationApp node) => node.Services.GetRequiredService<NodeRoles>();

    /// <summary>Waits (at most 30 s, so a bug fails rather than hangs) until <paramref name="node"/> holds <paramref name="role"/>.</summary>
    public static async Task UntilHeldAsync(EvacuationApp node, string role)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await node.Roles().WaitForAsync(role, limit.Token), $"node never took {role}");
    }

    /// <summary>The node that takes <paramref name="role"/> first.</summary>
    public static async Task<EvacuationApp> FirstToHoldAsync(string role, params EvacuationApp[] nodes)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var waits = nodes.Select(n => n.Roles().WaitForAsync(role, limit.Token)).ToList();
        var first = await Task.WhenAny(waits);
        Assert.True(await first, $"no node took {role}");
        await limit.CancelAsync();
        return nodes[waits.IndexOf(first)];
    }
}
