using Evacuation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Limits;

/// <summary>
/// At most <c>Limits:EnrolmentsPerHour</c> citizens enrol themselves in any hour, counted in the database so every
/// node sees the same count: a script cannot fill the registry (and the call list) with invented people. A refused
/// enrolment keeps its message as an unhandled reply, so a person can still add the citizen by hand.
/// </summary>
public sealed class EnrolmentCap(IOptions<LimitsOptions> limits, ILogger<EnrolmentCap> logger)
{
    public int PerHour => limits.Value.EnrolmentsPerHour;

    /// <summary>True when one more self-enrolment now would go over the cap (those added but not yet saved count too); logs each refusal.</summary>
    public async Task<bool> ReachedAsync(EvacuationDb db, string createdBy, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - TimeSpan.FromHours(1);
        var saved = await db.Citizens.CountAsync(c => c.CreatedBy == createdBy && c.CreatedAt > since, cancellationToken);
        var unsaved = db.ChangeTracker.Entries<Evacuation.Core.Citizens.Citizen>()
            .Count(e => e.State == EntityState.Added && e.Entity.CreatedBy == createdBy);
        if (saved + unsaved < PerHour)
        {
            return false;
        }
        logger.LogWarning("Self-enrolment cap reached: {Count} citizens enrolled themselves in the last hour (Limits:EnrolmentsPerHour = {Cap}); this one is kept as an unhandled reply", saved + unsaved, PerHour);
        return true;
    }
}
