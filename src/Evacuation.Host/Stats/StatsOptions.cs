namespace Evacuation.Host.Stats;

/// <summary>The <c>Stats</c> section.</summary>
public sealed class StatsOptions
{
    public const string Section = "Stats";

    /// <summary>
    /// Broadcasts with fewer recipients are counted afresh on every read (exact at once); larger ones answer from the
    /// counters the database keeps as deliveries and replies are recorded (<see cref="CounterFold"/>), about a second behind.
    /// </summary>
    public int ExactUpTo { get; set; } = 5_000;
}
