using Evacuation.Core.Cases;
using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Cases;

/// <summary>
/// Opens help cases from calls for help, inside the transaction of the reply that made them: the case is saved
/// with the reply or not at all, so a retried or replayed reply never opens a second one, and the database's unique
/// index refuses a second unresolved case opened at the same moment elsewhere. One per batch of replies: it
/// remembers the cases it touched, so two calls for help in one batch add to one case.
/// </summary>
public sealed class HelpCases(EvacuationDb db)
{
    readonly Dictionary<string, HelpCase> touched = new(StringComparer.Ordinal);

    /// <summary>
    /// A NeedsHelp from <paramref name="citizen"/>, whoever they are: opted out or not, and a stranger the registry
    /// does not know (null) gets a case under the address they wrote from, for an operator to call back.
    /// </summary>
    public async Task<HelpRequestStep> OpenAsync(Citizen? citizen, Reply reply, string said, DateTime now, CancellationToken cancellationToken)
    {
        var key = citizen is not null ? citizen.Id.ToString() : $"{reply.Channel}:{reply.From}";
        if (!touched.TryGetValue(key, out var latest))
        {
            var cases = db.HelpCases.AsQueryable();
            cases = citizen is not null
                ? cases.Where(c => c.CitizenId == citizen.Id)
                : cases.Where(c => c.CitizenId == null && c.Channel == reply.Channel && c.Sender == reply.From);
            latest = await cases.OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        }
        var (helpCase, step) = CaseRules.OnHelpRequest(latest, citizen?.Id, reply.From, reply.Channel, said, now);
        if (step == HelpRequestStep.Opened)
        {
            db.HelpCases.Add(helpCase);
        }
        touched[key] = helpCase;
        return step;
    }
}
