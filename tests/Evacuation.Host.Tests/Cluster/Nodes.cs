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
}
