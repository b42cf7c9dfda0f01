using Evacuation.Core.Citizens;

namespace Evacuation.Core.Drills;

/// <summary>Keeping drills and the real registry apart in every count, list and audience.</summary>
public static class DrillCitizens
{
    /// <summary>Real citizens only: what reports, stats, lists and operators' broadcasts are about.</summary>
    public static IQueryable<Citizen> NotInDrills(this IQueryable<Citizen> citizens) => citizens.Where(c => c.DrillId == null);

    /// <summary>The demo citizens of any drill.</summary>
    public static IQueryable<Citizen> InDrills(this IQueryable<Citizen> citizens) => citizens.Where(c => c.DrillId != null);
}
