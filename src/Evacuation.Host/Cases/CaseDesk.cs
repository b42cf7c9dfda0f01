using System.Globalization;
using Evacuation.Core.Cases;
using Evacuation.Core.Citizens;
using Evacuation.Core.Drills;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Cases;

/// <summary>
/// Applies an operator's action to a case: reads it, lets <see cref="CaseRules"/> decide, and saves the change with
/// its audit entry and a line on the citizen's timeline, in one unit of work. Two officers acting on the same case
/// at once cannot both win: the case's version is checked on save and the later one is told to look again.
/// </summary>
public sealed class CaseDesk(EvacuationDb db, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The answer to the action: the case with its history, or a problem that says what to do.</summary>
    public async Task<IResult> ActAsync(string id, string actor, string action, Func<HelpCase, DateTime, CaseDecision> decide, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var caseId)
            || await db.HelpCases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) is not { } helpCase)
        {
            return Problem.NotFound($"No case has the id '{Core.Texts.Shortened.WithEllipsis(id, 40)}'. See GET /api/cases.");
        }
        var (outcome, answer) = await TryAsync(helpCase, actor, action, decide, cancellationToken);
        return outcome switch
        {
            CaseOutcome.Invalid => Problem.BadRequest(answer!),
            CaseOutcome.Conflict => Problem.Conflict(answer!),
            _ => TypedResults.Ok(await ShowAsync(helpCase.Id, masked: false, cancellationToken)),
        };
    }

    /// <summary>Decides and saves; a change someone else saved first since the case was read is a conflict.</summary>
    public async Task<(CaseOutcome Outcome, string? Problem)> TryAsync(
        HelpCase helpCase, string actor, string action, Func<HelpCase, DateTime, CaseDecision> decide, CancellationToken cancellationToken)
    {
        var now = Now;
        var notesBefore = helpCase.Notes.Count;
        var decision = decide(helpCase, now);
        if (decision.Outcome != CaseOutcome.Changed)
        {
            return (decision.Outcome, decision.Problem);
        }
        var said = string.Join("; ", helpCase.Notes.Skip(notesBefore).Select(n => n.Text));
        db.Record(now, actor, action, helpCase.Id.ToString(CultureInfo.InvariantCulture), said);
        if (helpCase.CitizenId is { } citizenId)
        {
            db.CitizenEvents.Add(new CitizenEvent
            {
                CitizenId = citizenId, At = now, Kind = CitizenEventKind.CaseUpdated, Actor = actor,
                Detail = $"case {helpCase.Id} {helpCase.State.ToString().ToLowerInvariant()}: {said}",
            });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (CaseOutcome.Changed, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (CaseOutcome.Conflict, $"Case {helpCase.Id} was changed by someone else a moment ago; look at it again (GET /api/cases/{helpCase.Id}).");
        }
    }

    /// <summary>One case with the person and its history, oldest line first.</summary>
    public async Task<CaseView?> ShowAsync(long id, bool masked, CancellationToken cancellationToken)
    {
        var helpCase = await db.HelpCases.AsNoTracking().Include(c => c.Notes).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (helpCase is null)
        {
            return null;
        }
        var citizen = helpCase.CitizenId is { } citizenId
            ? await db.Citizens.AsNoTracking().SingleOrDefaultAsync(c => c.Id == citizenId, cancellationToken)
            : null;
        var notes = helpCase.Notes.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new CaseNoteView(n.At, n.Actor, n.Kind, n.Text)).ToList();
        return CaseView.Of(helpCase, citizen, masked) with { Notes = notes };
    }

    /// <summary>A page of cases in <paramref name="states"/>: open ones first, then assigned, then resolved; oldest first within each.</summary>
    public async Task<CasePage> ListAsync(
        IReadOnlyList<CaseState> states, string? assignedTo, int page, int pageSize, bool masked, bool drill, CancellationToken cancellationToken)
    {
        var query = Cases(drill).AsNoTracking().Where(c => states.Contains(c.State));
        if (!string.IsNullOrWhiteSpace(assignedTo))
        {
            var name = assignedTo.Trim().ToLowerInvariant();
            query = query.Where(c => c.AssignedTo != null && c.AssignedTo.ToLower() == name);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(c => c.State == CaseState.Open ? 0 : c.State == CaseState.Assigned ? 1 : 2).ThenBy(c => c.StateSince).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var ids = rows.Where(c => c.CitizenId != null).Select(c => c.CitizenId!.Value).Distinct().ToList();
        var citizens = await db.Citizens.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var items = rows.Select(c => CaseView.Of(c, c.CitizenId is { } id ? citizens.GetValueOrDefault(id) : null, masked)).ToList();
        return new CasePage(items, page, pageSize, total);
    }

    /// <summary>
    /// Gives <paramref name="actor"/> the case that has waited longest with nobody on it. When another officer takes
    /// the same one at the same moment, the next in line is tried. Null when no case is waiting.
    /// </summary>
    public async Task<CaseView?> TakeNextAsync(string actor, bool drill, CancellationToken cancellationToken)
    {
        var waiting = await Cases(drill).AsNoTracking().Where(c => c.State == CaseState.Open)
            .OrderBy(c => c.StateSince).ThenBy(c => c.Id).Select(c => c.Id).Take(TakeAttempts).ToListAsync(cancellationToken);
        foreach (var id in waiting)
        {
            if (await db.HelpCases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } helpCase)
            {
                continue;
            }
            var (outcome, _) = await TryAsync(helpCase, actor, "case.assign", (c, now) => CaseRules.Assign(c, actor, takeOver: false, now), cancellationToken);
            db.ChangeTracker.Clear();
            if (outcome is CaseOutcome.Changed or CaseOutcome.Unchanged)
            {
                return await ShowAsync(id, masked: false, cancellationToken);
            }
        }
        return null;
    }

    /// <summary>
    /// The real cases, or only a drill's (its demo citizens' calls for help): the two never mix, so a duty officer
    /// taking "the oldest case" never gets a rehearsal while a real person waits.
    /// </summary>
    IQueryable<HelpCase> Cases(bool drill)
    {
        var demo = db.Citizens.InDrills();
        return drill
            ? db.HelpCases.Where(h => demo.Any(c => c.Id == h.CitizenId))
            : db.HelpCases.Where(h => !demo.Any(c => c.Id == h.CitizenId));
    }

    /// <summary>How many of the oldest waiting cases one "take" tries before saying none is left.</summary>
    const int TakeAttempts = 10;
}
