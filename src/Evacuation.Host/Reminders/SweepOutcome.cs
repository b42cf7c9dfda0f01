namespace Evacuation.Host.Reminders;

/// <summary>What one reminder sweep did: citizens reminded (by reminder queued) and citizens put on the call list.</summary>
public sealed record SweepOutcome(DateTime At, int Reminded, int Escalated, Guid? BroadcastId);
