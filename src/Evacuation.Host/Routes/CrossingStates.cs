using Evacuation.Core.Routes;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Routes;

/// <summary>
/// Keeps the <c>crossings</c> table and the crossings in memory in step: at start, each crossing of the file without
/// a row gets one (its status from the file, no notes), and each stored row sets the status and notes in memory, so
/// an operator's closure outlives a restart while names, coordinates and the file's advice (by language) still come
/// from the file. The table's notes are operators' own.
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
            db.Crossings.AddRange(missing.Select(c => new CrossingState { Id = c.Id, Status = c.Status, Notes = "", UpdatedAt = now, UpdatedBy = SeededBy }));
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
        Apply(crossings, stored.Values);
    }

    /// <summary>Sets the stored statuses and notes on the crossings in memory.</summary>
    public static void Apply(CrossingsFile crossings, IEnumerable<CrossingState> rows)
    {
        var stored = rows.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var crossing in crossings.Crossings)
        {
            if (stored.TryGetValue(crossing.Id, out var state))
            {
                crossing.Status = state.Status;
                // Rows seeded before the file's notes became per-language advice hold the file's English notes, which
                // would reach every language: only an operator's notes are kept.
                crossing.Notes = state.UpdatedBy == SeededBy ? "" : state.Notes;
            }
        }
    }
}
