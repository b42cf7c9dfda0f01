using Evacuation.Core.Citizens;

namespace Evacuation.Host.Citizens;

public enum UpsertKind
{
    Created,
    Updated,
    Unchanged,
    Refused,
}

/// <summary>What happened to one record given to the registry.</summary>
public sealed record UpsertOutcome(UpsertKind Kind, Citizen? Citizen, string? Reason = null);
