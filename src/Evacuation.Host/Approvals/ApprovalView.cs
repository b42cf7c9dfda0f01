using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Host.Broadcasts;

namespace Evacuation.Host.Approvals;

/// <summary>
/// What the second operator sees before deciding: who asked and when, until when it may be approved, the estimate
/// the requester saw, the text each language will get (the built-in template where the operator wrote none, its
/// placeholders unfilled) and the audience. After the decision: who decided, when, and why if they said.
/// </summary>
public sealed record ApprovalView(
    string Decision,
    string RequestedBy,
    DateTime RequestedAt,
    DateTime ExpiresAt,
    DateTime SendAt,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? Reason,
    JsonElement? Estimate,
    IReadOnlyDictionary<string, string> Text,
    Audience Audience)
{
    /// <summary>Null for a broadcast that never needed approval.</summary>
    public static ApprovalView? Of(Broadcast b)
    {
        if (b.ApprovalExpiresAt is not { } expires)
        {
            return null;
        }
        var texts = BroadcastTexts.Of(b);
        var template = BuiltInTemplates.For(b.Kind);
        var text = Language.All.ToDictionary(
            language => language,
            language => texts.For(language) ?? (template is { } t ? BuiltInTemplates.Text(t, language, hasCrossing: true) : ""));
        var estimate = b.EstimateJson is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(b.EstimateJson);
        return new(DecisionOf(b), b.CreatedBy, b.CreatedAt, expires, b.SendAt, b.DecidedBy, b.DecidedAt, b.DecisionNote, estimate, text, BroadcastTexts.AudienceOf(b));
    }

    static string DecisionOf(Broadcast b) => b.State switch
    {
        BroadcastState.AwaitingApproval => "Waiting",
        BroadcastState.Rejected => "Rejected",
        BroadcastState.ApprovalExpired => "Expired",
        BroadcastState.Cancelled when b.DecidedBy is null => "Withdrawn",
        _ => "Approved",
    };
}
