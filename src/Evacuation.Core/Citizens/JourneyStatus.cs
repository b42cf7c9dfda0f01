namespace Evacuation.Core.Citizens;

/// <summary>Where a citizen is on the way out, as they told us (CONTRACT.md section 4).</summary>
public enum JourneyStatus
{
    Unconfirmed,
    OnTheWay,
    Departed,
    Staying,
    NeedsHelp,
}
