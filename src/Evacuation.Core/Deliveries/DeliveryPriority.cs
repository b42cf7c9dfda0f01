namespace Evacuation.Core.Deliveries;

/// <summary>
/// Which deliveries go first when the outbox holds more than the providers can take at once. Dispatchers claim
/// and the pacer hands out slots by priority (lower first), oldest first within one, so an answer to "I need help"
/// or new directions after a closure leave in the next free slot even behind 100,000 queued bulk messages.
/// </summary>
public static class DeliveryPriority
{
    /// <summary>Answers to a citizen's own message (acknowledgements, above all of "I need help").</summary>
    public const int Answer = 1;

    /// <summary>Re-route instructions after a crossing closed or jammed, and broadcasts an operator marked urgent.</summary>
    public const int Urgent = 2;

    /// <summary>Everything else: advisories, route instructions, custom broadcasts, reminders, invitations.</summary>
    public const int Bulk = 3;

    /// <summary>Every priority, most urgent first.</summary>
    public static readonly IReadOnlyList<int> All = [Answer, Urgent, Bulk];
}
