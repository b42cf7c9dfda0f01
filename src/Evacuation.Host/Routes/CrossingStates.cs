using Evacuation.Core.Routes;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Routes;

/// <summary>
/// Keeps the <c>crossings</c> table and the crossings in memory in step: at start, each crossing of the file without
/// a row gets one (its status and notes from the file), and each stored row sets the status and notes in memory, so
/// an operator's closure outlives a restart while names and coordinates still come from the file.
/// </summary>
public static class CrossingStates
{
    public const string SeededBy = "crossings file";

    public static async Task LoadAsync(EvacuationDb db, CrossingsFile crossings, DateTime now, CancellationToken cancellationToken)
    {
        var stored = await db.Crossings.AsNoTracking().ToDictionaryAsync(s => s.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var missing = crossings.Crossings.Where(c => !stored.ContainsKey(c.Id)).ToList();
        if (missing.Count > 0)
        {
            db.Crossings.AddRange(missing.Select(c => new CrossingState { Id = c.Id, Status = c.Status, Notes = c.Notes, UpdatedAt = now, UpdatedBy = SeededBy }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process sharing the database seeded the same rows first: theirs are as good as ours.
                db.ChangeTracker.Clear();
                stored = await db.Crossings.AsNoTracking().ToDictionaryAsync(s => s.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
            }
        }
        foreach (var crossing in crossings.Crossings)
        {
            if (stored.TryGetValue(crossing.Id, out var state))
            {
                crossing.Status = state.Status;
                crossing.Notes = state.Notes;
            }
        }
    }
}
