namespace Evacuation.Core.Routes;

/// <summary>
/// What an operator's change to a crossing means for citizens (README, "Border crossings and re-routing"): closing or
/// congesting it moves exactly the citizens assigned to it, with new route instructions; opening one messages nobody
/// but gives a crossing to those who were told to wait; notes alone change nothing for anyone.
/// </summary>
public static class CrossingClosure
{
    public const string AllClosedWarning =
        "Every crossing is now closed: citizens have no route and were told to wait for instructions. Reopen a crossing as soon as one is usable.";

    public static CrossingConsequence Of(CrossingStatus before, CrossingStatus after) => after == before
        ? CrossingConsequence.None
        : after switch
        {
            CrossingStatus.Closed or CrossingStatus.Congested => CrossingConsequence.RerouteItsCitizens,
            CrossingStatus.Open => CrossingConsequence.PlaceWaitingCitizens,
            _ => CrossingConsequence.None,
        };

    /// <summary>True when no crossing is left to send anyone to: operators are warned, and nobody is given a route.</summary>
    public static bool AllClosed(IEnumerable<Crossing> crossings) => crossings.All(c => c.Status == CrossingStatus.Closed);
}

public enum CrossingConsequence
{
    None,

    /// <summary>Its citizens are moved to their next crossing (or told to wait) and sent their new route.</summary>
    RerouteItsCitizens,

    /// <summary>Citizens who have no crossing are given one, silently; an operator decides when to message them.</summary>
    PlaceWaitingCitizens,
}
