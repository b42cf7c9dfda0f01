namespace Evacuation.Core.Broadcasts;

/// <summary>
/// Where a broadcast is. <see cref="Scheduled"/>: waiting for its <c>sendAt</c> trigger; <see cref="Queued"/>:
/// stored, waiting for fan-out to start; <see cref="Sending"/>: delivery rows exist and some are not final;
/// <see cref="Completed"/>, <see cref="Cancelled"/>, <see cref="Missed"/>, <see cref="Rejected"/>,
/// <see cref="ApprovalExpired"/> and <see cref="Failed"/> are final.
/// </summary>
public enum BroadcastState
{
    Queued,
    Sending,
    Completed,
    Cancelled,

    /// <summary>Has a <c>sendAt</c> in the future; its Quartz trigger moves it to <see cref="Queued"/>.</summary>
    Scheduled,

    /// <summary>Its trigger fired too late (the service was down past <c>Broadcasts:MaxLateness</c>): not sent at all, rather than sent late.</summary>
    Missed,

    /// <summary>Waits for a second operator (<see cref="Approval"/>): nothing is fanned out or scheduled until then.</summary>
    AwaitingApproval,

    /// <summary>A second operator refused it; nothing was sent.</summary>
    Rejected,

    /// <summary>Nobody approved it within <c>Broadcasts:ApprovalWindow</c>; nothing was sent.</summary>
    ApprovalExpired,

    /// <summary>
    /// Fan-out kept failing on it (a few tries), so it was set aside rather than block every later broadcast; what it
    /// had written before is still sent. The audit log has the error.
    /// </summary>
    Failed,
}
