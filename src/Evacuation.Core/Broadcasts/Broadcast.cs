using Evacuation.Core.Channels;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// One operator request to message many citizens. Its deliveries (one per recipient and channel) are written by
/// fan-out and carry the rendered text; the broadcast keeps what is needed to render them and its progress.
/// </summary>
public sealed class Broadcast
{
    public Guid Id { get; set; } = RecordId.New();

    public BroadcastKind Kind { get; set; }

    /// <summary>Operator texts by language code as JSON (<c>{"en":"..."}</c>); languages without one use the built-in template.</summary>
    public string TextsJson { get; set; } = "{}";

    /// <summary>The <see cref="Audience"/> as JSON, so fan-out runs the same query the estimate counted.</summary>
    public string AudienceJson { get; set; } = "{}";

    public ChannelPolicy Channels { get; set; }

    public BroadcastState State { get; set; }

    /// <summary>The operator key's name that asked for it.</summary>
    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When fan-out may start; the creation time unless the operator scheduled it.</summary>
    public DateTime SendAt { get; set; }

    /// <summary>
    /// The operator's "do not deliver this after": deliveries not sent by then end as expired. Null (the default):
    /// never; nothing expires because the queue is long.
    /// </summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>
    /// <see cref="Deliveries.DeliveryPriority"/> of its deliveries: 1 answers, 2 re-routes and broadcasts an operator
    /// marked urgent, 3 bulk. Copied to every delivery at fan-out, so claims never join this table.
    /// </summary>
    public int Priority { get; set; } = Deliveries.DeliveryPriority.Bulk;

    /// <summary>Recipients counted when the broadcast was accepted.</summary>
    public int Recipients { get; set; }

    /// <summary>
    /// The last citizen id fan-out has written deliveries for. Saved with each batch, so fan-out resumes after a
    /// crash exactly where it stopped.
    /// </summary>
    public Guid? FanOutCursor { get; set; }

    public DateTime? FannedOutAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Set when the broadcast needed a second operator (<see cref="Approval"/>): unapproved by then, it expires.</summary>
    public DateTime? ApprovalExpiresAt { get; set; }

    /// <summary>The key name that approved or rejected it.</summary>
    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Why it was rejected, when the operator said.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>The estimate its requester saw, as JSON, shown to the approver.</summary>
    public string? EstimateJson { get; set; }

    /// <summary>
    /// A broadcast whose deliveries its creator writes itself, in the same transaction (answers to replies, re-routed
    /// citizens, reminders): already sending and fanned out, so fan-out leaves it alone and the dispatchers send it
    /// like any other. Its audience no longer exists as a query once the deliveries are written (a closed crossing's
    /// citizens are moved; a reminded citizen's count moves on), which is why fan-out could not write them.
    /// </summary>
    public static Broadcast FannedOut(BroadcastKind kind, ChannelPolicy channels, string createdBy, DateTime now, int priority, TimeSpan? expiresAfter) => new()
    {
        Priority = priority,
        ExpiresAt = now + expiresAfter,
        Kind = kind,
        Channels = channels,
        State = BroadcastState.Sending,
        CreatedBy = createdBy,
        CreatedAt = now,
        SendAt = now,
        FannedOutAt = now,
    };

    /// <summary>The channels used for <paramref name="citizenHasTelegram"/>/<paramref name="citizenHasSms"/> under this broadcast's policy.</summary>
    public IReadOnlyList<ChannelKind> ChannelsFor(bool citizenHasTelegram, bool citizenHasSms) =>
        ChannelChoice.For(Channels, citizenHasTelegram, citizenHasSms);
}
