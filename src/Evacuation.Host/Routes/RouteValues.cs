using Evacuation.Core.Broadcasts;
using Evacuation.Core.Routes;
using Evacuation.Host.Broadcasts;
using Evacuation.Host.Routes;

namespace Evacuation.Host.Routes;

/// <summary>
/// The same template values as <see cref="Recipient.Values"/>, with the crossing's name and directions worked out
/// once per crossing, starting point and language: thousands of re-routed citizens share a handful of region
/// centres, so this saves most of the work of rendering their messages.
/// </summary>
public sealed class RouteValues(CrossingPlanner planner, Signature signature, DateTime at)
{
    readonly Dictionary<(string Crossing, Origin? From, string Language), (string Name, string? Directions)> known = [];

    public MessageValues For(Recipient recipient)
    {
        if (recipient.AssignedCrossing is null || !planner.Crossings.TryFindCrossing(recipient.AssignedCrossing, out var crossing))
        {
            return new MessageValues(recipient.Language, recipient.Name) { Signature = signature, At = at, CheckInToken = recipient.CheckInToken };
        }
        var from = planner.Assignment.OriginOf(recipient.Latitude, recipient.Longitude, recipient.Region);
        var key = (crossing.Id, from, recipient.Language);
        if (!known.TryGetValue(key, out var words))
        {
            words = (crossing.DisplayName(recipient.Language), from is { } point ? RouteDirections.Describe(crossing, point, recipient.Language) : null);
            known[key] = words;
        }
        return new MessageValues(recipient.Language, recipient.Name, words.Name, words.Directions) { Signature = signature, At = at, CheckInToken = recipient.CheckInToken };
    }
}
