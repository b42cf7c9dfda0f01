using System.Security.Cryptography;
using System.Text;

namespace Evacuation.Host.Cluster;

/// <summary>
/// Who this process is among the nodes sharing the database: a <see cref="Name"/> that survives restarts and an
/// <see cref="Instance"/> for this run. The name is settled when the node joins (<see cref="NodeSession"/>): a default
/// name another live process already uses gets a suffix, a configured one stops the start.
/// </summary>
public sealed class NodeIdentity(string name, bool configured)
{
    public string Name { get; private set; } = name;

    /// <summary>Whether <see cref="Name"/> came from <c>Cluster:NodeName</c> (then a clash is an error, not a reason to rename).</summary>
    public bool Configured { get; } = configured;

    public Guid Instance { get; } = Guid.NewGuid();

    /// <summary><c>Cluster:NodeName</c>, else the machine's name and a short hash of the folder the service runs from.</summary>
    public static NodeIdentity From(ClusterOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.NodeName))
        {
            return new NodeIdentity(options.NodeName.Trim(), configured: true);
        }
        var machine = new string([.. Environment.MachineName.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')]);
        var folder = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(contentRoot))))[..6];
        return new NodeIdentity($"{(machine.Length == 0 ? "node" : machine[..Math.Min(machine.Length, 40)])}-{folder}", configured: false);
    }

    /// <summary>Another live process has the default name (two nodes started from one folder): this run takes a name of its own.</summary>
    internal void Rename() => Name = $"{Name}-{Instance.ToString("N")[..6]}";
}
