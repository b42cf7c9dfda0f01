namespace Evacuation.Core.Broadcasts;

/// <summary>Who or what asked for a broadcast; decides whether it may need a second operator's approval.</summary>
public enum BroadcastOrigin
{
    /// <summary>An operator through the API, dashboard or CLI, now or scheduled.</summary>
    Operator,

    /// <summary>The service's answer to a citizen's own message (above all to "I need help").</summary>
    Answer,

    /// <summary>The reminder sweep.</summary>
    Reminder,

    /// <summary>New directions after an Admin closed or congested a crossing.</summary>
    Reroute,
}
