using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Host.Broadcasts;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Approvals;

/// <summary>
/// The service's side of <see cref="Approval.IsRequired"/>: the configured threshold and window, and whether this is
/// a drill (every channel a sandbox, so nothing reaches anyone).
/// </summary>
public sealed class ApprovalPolicy(
    IOptions<ApprovalOptions> options,
    [FromKeyedServices(ChannelKind.Telegram)] IChannel telegram,
    [FromKeyedServices(ChannelKind.Sms)] IChannel sms)
{
    public bool IsDrill => !telegram.IsLive && !sms.IsLive;

    /// <summary>
    /// Makes an operator's broadcast wait for a second operator when the rule says so: it stays
    /// <see cref="BroadcastState.AwaitingApproval"/> until approved, rejected or expired, with the estimate its
    /// requester saw kept for the approver. True when it must wait.
    /// </summary>
    public bool HoldIfRequired(Broadcast broadcast, BroadcastEstimate estimate, DateTime now)
    {
        if (!Approval.IsRequired(BroadcastOrigin.Operator, dryRun: false, estimate.Recipients, options.Value.ApprovalThreshold, IsDrill))
        {
            return false;
        }
        broadcast.State = BroadcastState.AwaitingApproval;
        broadcast.ApprovalExpiresAt = now + options.Value.ApprovalWindow;
        broadcast.EstimateJson = JsonSerializer.Serialize(estimate, JsonSerializerOptions.Web);
        return true;
    }
}
