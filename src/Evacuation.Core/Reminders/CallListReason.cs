namespace Evacuation.Core.Reminders;

/// <summary>Why a citizen is on the call list: they asked for help, or they stopped answering reminders.</summary>
public enum CallListReason
{
    NeedsHelp,
    Escalated,
}
