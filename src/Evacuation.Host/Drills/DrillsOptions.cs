namespace Evacuation.Host.Drills;

/// <summary>The <c>Drills</c> section.</summary>
public sealed class DrillsOptions
{
    public const string Section = "Drills";

    /// <summary>
    /// A drill service: drills may run while a channel is live, when the caller also passes <c>forceSandbox</c>. Drill
    /// citizens' messages still go only through the sandbox. Off by default: drills run only when both channels are
    /// sandboxes.
    /// </summary>
    public bool AllowWithLiveChannels { get; set; }
}
