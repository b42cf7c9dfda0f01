using System.Text.Json.Serialization;
using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Evacuation.Host.Approvals;

namespace Evacuation.Host.Broadcasts;

/// <summary>
/// <c>GET /api/broadcasts/{id}</c>: the contract's counters (recipients, not messages) plus what the broadcast was.
/// <c>pending</c> includes recipients fan-out has not reached yet; <c>cancelled</c> counts recipients a cancel
/// stopped before anything reached them; <c>expired</c> those whose messages passed <c>expiresAt</c> unsent (not failed). <c>asOf</c>: the time the counters are current as of (Stats/BroadcastProgress). <c>approval</c> is there only for broadcasts that needed a second operator.
/// </summary>
public sealed record BroadcastView(
    string Id,
    BroadcastKind Kind,
    BroadcastState State,
    ChannelPolicy Channels,
    int Recipients,
    long Pending,
    long Sent,
    long Delivered,
    long Failed,
    long Confirmed,
    long Cancelled,
    long Expired,
    bool Urgent,
    string CreatedBy,
    DateTime CreatedAt,
    DateTime SendAt,
    DateTime? ExpiresAt,
    DateTime? FinishedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApprovalView? Approval,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? AsOf = null)
{
    /// <summary>While sending: per channel, the pacing-bound time to reach those still waiting (<see cref="BroadcastEta"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ChannelEta>? Eta { get; init; }

    public static BroadcastView Of(Broadcast b, BroadcastCounts counts, DateTime? asOf = null) => new(
        b.Id.ToString(), b.Kind, b.State, b.Channels, b.Recipients,
        Math.Max(0, b.Recipients - counts.Sent - counts.Failed - counts.Cancelled - counts.Expired),
        counts.Sent, counts.Delivered, counts.Failed, counts.Confirmed, counts.Cancelled, counts.Expired,
        b.Priority <= Core.Deliveries.DeliveryPriority.Urgent, b.CreatedBy, b.CreatedAt, b.SendAt, b.ExpiresAt, b.FinishedAt, ApprovalView.Of(b), asOf);
}

/// <summary>One line of <c>GET /api/broadcasts</c>.</summary>
public sealed record BroadcastSummary(
    string Id, BroadcastKind Kind, BroadcastState State, ChannelPolicy Channels, int Recipients, string CreatedBy, DateTime CreatedAt, DateTime SendAt);

/// <summary>
/// The 202 answer to <c>POST /api/broadcasts</c>; <c>id</c> is null for a dry run, which stores nothing. <c>state</c>
/// is <c>AwaitingApproval</c>, with <c>approvalExpiresAt</c>, when a second operator must approve it.
/// </summary>
public sealed record BroadcastAccepted(string? Id, int Recipients, BroadcastEstimate Estimate, bool DryRun, DateTime? SendAt, BroadcastState? State = null, DateTime? ApprovalExpiresAt = null);
