namespace Evacuation.Core.Routes;

/// <summary>What operators know about a crossing right now. The names are part of the public API and the crossings file.</summary>
public enum CrossingStatus
{
    Open,

    /// <summary>Open, but with long queues: chosen only when clearly nearer than any open crossing.</summary>
    Congested,

    /// <summary>Never assigned.</summary>
    Closed,
}
