using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// The dispatcher's last look before a provider call: a delivery withdrawn after it was claimed (its text names a
/// crossing that has just closed, <c>Routes/StaleDirections</c>) is not sent. One read of the row by its key, made after
/// the pacing wait, because a closure on any node may have cancelled it while it waited for its slot.
/// </summary>
public sealed class Withdrawals(IDbContextFactory<EvacuationDb> databases, ILogger<Withdrawals> logger)
{
    /// <summary>
    /// True when the row was cancelled since it was claimed, or cannot be read now (then it is given back untried
    /// rather than sent blind: a send we could not record would be sent again once the lease runs out).
    /// </summary>
    public async Task<bool> IsWithdrawnAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            return await db.Deliveries.AnyAsync(d => d.Id == delivery.Id && d.State == DeliveryState.Cancelled, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Cannot look at delivery {DeliveryId} before sending it ({Error}); it goes back to the queue", delivery.Id, e.GetType().Name);
            return true;
        }
    }
}
