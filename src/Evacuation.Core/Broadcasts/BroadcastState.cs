namespace Evacuation.Core.Broadcasts;

/// <summary>
/// Where a broadcast is. <see cref="Queued"/>: stored, waiting for its <c>sendAt</c> or for fan-out to start;
/// <see cref="Sending"/>: delivery rows exist and some are not final; <see cref="Completed"/> and
/// <see cref="Cancelled"/> are final.
/// </summary>
public enum BroadcastState
{
    Queued,
    Sending,
    Completed,
    Cancelled,
}
