namespace Evacuation.Core.Broadcasts;

/// <summary>The messages we have written in every language, so an operator can send them with one action.</summary>
public enum BuiltInTemplate
{
    /// <summary>"Leave immediately", with the citizen's crossing when one is assigned.</summary>
    Advisory,

    /// <summary>Where to cross and how to get there; sent again when a crossing closes or jams.</summary>
    RouteInstructions,

    /// <summary>For the reminder sweep: restates the route and asks the citizen to tell us where they are (no yes/no question: "yes" means START).</summary>
    Reminder,

    /// <summary>For citizens who said they are on their way: restates the route; the reply codes say to reply 1 once out of Ukraine.</summary>
    OnTheWayReminder,
}
