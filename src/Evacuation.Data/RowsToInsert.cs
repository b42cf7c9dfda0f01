using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;

namespace Evacuation.Data;

/// <summary>
/// Rows a piece of work only ever appends (timeline events, answers as broadcasts with their delivery), collected
/// outside EF's change tracker and written in one go through <see cref="BulkInsert"/>. The reply interpreter adds
/// several per reply; tracking them cost more than everything else it does, and on SQLite every writer queues for
/// one lock, so the time saved is time the webhooks do not wait.
/// </summary>
public sealed class RowsToInsert
{
    public List<Broadcast> Broadcasts { get; } = [];

    public List<Delivery> Deliveries { get; } = [];

    public List<CitizenEvent> Events { get; } = [];

    /// <summary>After the context's own changes are saved (new citizens among them are what these rows point at), in the same transaction.</summary>
    public async Task InsertAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        await db.InsertAsync(Broadcasts, cancellationToken);
        await db.InsertNewAsync(Deliveries, cancellationToken);
        await db.InsertAsync(Events, cancellationToken);
    }
}
