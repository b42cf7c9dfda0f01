using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Drills;

namespace Evacuation.Host.Broadcasts;

/// <summary>
/// The citizens an <see cref="Audience"/> names, as a database query. Opted-out citizens are never included, nor are
/// a drill's demo citizens unless the audience is the drill's own.
/// </summary>
public static class AudienceQuery
{
    /// <remarks><see cref="Audience.Regions"/> are stored lower-case with every alias, so the filter is a plain IN.</remarks>
    public static IQueryable<Citizen> Apply(IQueryable<Citizen> citizens, Audience audience)
    {
        var query = (audience.Drill ? citizens.InDrills() : citizens.NotInDrills()).Where(c => !c.OptedOut);
        if (audience.Statuses.Count > 0)
        {
            var statuses = audience.Statuses.ToList();
            query = query.Where(c => statuses.Contains(c.Status));
        }
        if (audience.Regions.Count > 0)
        {
            var regions = audience.Regions.ToList();
            query = query.Where(c => c.Region != null && regions.Contains(c.Region.ToLower()));
        }
        if (audience.Crossings.Count > 0)
        {
            var crossings = audience.Crossings.ToList();
            query = query.Where(c => c.AssignedCrossing != null && crossings.Contains(c.AssignedCrossing));
        }
        return query;
    }
}
