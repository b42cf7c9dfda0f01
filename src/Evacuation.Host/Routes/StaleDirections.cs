using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Routes;

/// <summary>
/// When a crossing closes or jams, the messages still waiting to go to its citizens that name it would send them to
/// it after their new directions: they are withdrawn in the closure's transaction, before the new ones are queued.
/// Waiting and retrying rows become <see cref="DeliveryState.Cancelled"/>; so do rows a dispatcher has claimed but not
/// sent, which the dispatcher sees at its last look before the provider call (<c>Deliveries/Withdrawals</c>).
/// </summary>
public static class StaleDirections
{
    /// <summary>Ids per UPDATE, as in <see cref="Rerouting"/>.</summary>
    const int Chunk = 10_000;

    public static string Reason(Crossing crossing) =>
        $"withdrawn: names {crossing.Id}, {crossing.Status.ToString().ToLowerInvariant()} since; new directions sent";

    /// <summary>
    /// Cancels the unsent deliveries to <paramref name="citizens"/> whose text names <paramref name="crossing"/> in any
    /// of our languages. Call inside the closure's transaction, with the crossing's new status set. Returns how many.
    /// </summary>
    public static async Task<int> WithdrawAsync(EvacuationDb db, Crossing crossing, IReadOnlyCollection<Guid> citizens, CancellationToken cancellationToken)
    {
        var reason = Reason(crossing);
        var withdrawn = 0;
        foreach (var name in NamesOf(crossing))
        {
            foreach (var chunk in citizens.Chunk(Chunk))
            {
                var ids = chunk.ToList();
                withdrawn += await db.Deliveries
                    .Where(d => (d.State == DeliveryState.Pending || d.State == DeliveryState.Sending)
                        && EF.Parameter(ids).Contains(d.CitizenId) && d.Text.Contains(name))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(d => d.State, DeliveryState.Cancelled)
                        .SetProperty(d => d.LeaseUntil, (DateTime?)null)
                        .SetProperty(d => d.LastError, reason), cancellationToken);
            }
        }
        return withdrawn;
    }

    /// <summary>The crossing's name as each of our languages writes it (the same name counted once).</summary>
    public static IEnumerable<string> NamesOf(Crossing crossing) =>
        Language.All.Select(crossing.DisplayName).Distinct(StringComparer.Ordinal);
}
