using Evacuation.Core.Auditing;
using Evacuation.Data;

namespace Evacuation.Host.Auditing;

/// <summary>
/// Writes who did what. The entry is added to the same unit of work as the change it describes, so the two are
/// saved together or not at all.
/// </summary>
public static class AuditLog
{
    public static void Record(this EvacuationDb db, DateTime at, string actor, string action, string? target, string detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            Actor = actor,
            Action = action,
            Target = target,
            Detail = Core.Texts.Shortened.To(detail, 2000),
        });
}
