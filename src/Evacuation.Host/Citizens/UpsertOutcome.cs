using Evacuation.Core.Citizens;

namespace Evacuation.Host.Citizens;

public enum UpsertKind
{
    Created,
    Updated,
    Unchanged,
    Refused,
}

/// <summary>What happened to one record given to the registry (a struct: an import makes 100,000 of them).</summary>
public readonly record struct UpsertOutcome(UpsertKind Kind, Citizen? Citizen, string? Reason = null);
