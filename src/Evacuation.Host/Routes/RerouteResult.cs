namespace Evacuation.Host.Routes;

/// <summary>
/// What a closure did: how many citizens were moved and where, how many were told to wait (no crossing left), how
/// many could not be placed at all (no usable location or region), and the broadcasts carrying their messages.
/// <see cref="Withdrawn"/>: unsent messages to them that named the crossing, cancelled so they never follow the new ones.
/// </summary>
public sealed record RerouteResult(
    int Rerouted,
    IReadOnlyDictionary<string, int> To,
    int Waiting,
    int Unplaced,
    int Messaged,
    IReadOnlyList<string> Broadcasts)
{
    public int Withdrawn { get; init; }

    public static RerouteResult Nothing { get; } = new(0, new Dictionary<string, int>(), 0, 0, 0, []);
}
