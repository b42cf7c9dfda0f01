using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Cluster;

/// <summary>
/// The <c>Cluster</c> section: how nodes sharing a PostgreSQL database know each other and hand over the jobs only one
/// of them may do (README, "Several nodes"). Ignored on SQLite, where one process does everything.
/// </summary>
public sealed partial class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>
    /// This node's name, the same across restarts so a restarted node takes back its own roles at once. Empty: made
    /// from the machine's name and the service's folder.
    /// </summary>
    public string? NodeName { get; set; }

    /// <summary>How often a node writes its heartbeat and renews (or asks for) its roles.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a role stays its holder's without a renewal. A node killed while holding a role is replaced this long
    /// after its last heartbeat; the holder itself stops a heartbeat earlier when it cannot renew.
    /// </summary>
    public TimeSpan RoleLease { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a node reads the crossings' statuses that other nodes may have changed (PostgreSQL only).</summary>
    public TimeSpan CrossingRefresh { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a role holder may go without confirming its lease before it stops: a heartbeat's margin under the lease.</summary>
    public TimeSpan ValidFor => RoleLease - Heartbeat;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    public static partial Regex NamePattern();

    public sealed class Validator : IValidateOptions<ClusterOptions>
    {
        public ValidateOptionsResult Validate(string? name, ClusterOptions options)
        {
            var failures = new List<string>();
            if (!string.IsNullOrEmpty(options.NodeName) && !NamePattern().IsMatch(options.NodeName))
            {
                failures.Add($"Cluster:NodeName must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit (got '{options.NodeName}')");
            }
            if (options.Heartbeat < TimeSpan.FromMilliseconds(100) || options.Heartbeat > TimeSpan.FromSeconds(10))
            {
                failures.Add($"Cluster:Heartbeat must be between 00:00:00.100 and 00:00:10 (got {options.Heartbeat})");
            }
            if (options.RoleLease < options.Heartbeat * 3 || options.RoleLease > TimeSpan.FromMinutes(1))
            {
                failures.Add($"Cluster:RoleLease must be at least three heartbeats (Cluster:Heartbeat = {options.Heartbeat}) and at most 00:01:00 (got {options.RoleLease})");
            }
            if (options.CrossingRefresh < TimeSpan.FromMilliseconds(50) || options.CrossingRefresh > TimeSpan.FromSeconds(1))
            {
                failures.Add($"Cluster:CrossingRefresh must be between 00:00:00.050 and 00:00:01, so a closure reaches every node within a second (got {options.CrossingRefresh})");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
