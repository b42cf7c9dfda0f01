namespace Evacuation.Core.Citizens;

/// <summary>Where a citizen is on the way out, as they told us (docs/api.md, "Replies").</summary>
public enum JourneyStatus
{
    Unconfirmed,
    OnTheWay,
    Departed,
    Staying,
    NeedsHelp,
}
