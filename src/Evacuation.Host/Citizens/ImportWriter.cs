using System.Threading.Channels;
using Evacuation.Core.Citizens;

namespace Evacuation.Host.Citizens;

/// <summary>
/// The storing half of an import: upserts the checked batches in order and counts what became of each row. Each
/// batch comes with the stored citizens its records name, looked up by the reading half while the previous batch
/// was written; records of one file never share a key, so those look-ups stay right, except when a record names a
/// citizen an earlier batch of the file changed (a phone moved from one citizen to another): then the batch is
/// looked up again here.
/// </summary>
sealed class ImportWriter(CitizenRegistry registry, string actor)
{
    readonly HashSet<Guid> changed = [];

    public int Imported { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public List<ImportRejection> Refused { get; } = [];

    /// <summary>Until the reader completes the channel; a failure closes it, so the reader stops too.</summary>
    public async Task WriteAllAsync(Channel<ImportBatch> batches, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                await WriteAsync(batch, cancellationToken);
            }
        }
        catch (Exception e)
        {
            batches.Writer.TryComplete(e);
            throw;
        }
    }

    async Task WriteAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var found = batch.Found.Any(c => changed.Contains(c.Id)) ? await registry.FindAsync(batch.Fields, cancellationToken) : batch.Found;
        var outcomes = await registry.UpsertAsync(batch.Fields, found, actor, cancellationToken);
        for (var i = 0; i < outcomes.Count; i++)
        {
            switch (outcomes[i].Kind)
            {
                case UpsertKind.Created: Imported++; break;
                case UpsertKind.Updated: Updated++; changed.Add(outcomes[i].Citizen!.Id); break;
                case UpsertKind.Unchanged: Unchanged++; break;
                default: Refused.Add(new ImportRejection(batch.Lines[i], outcomes[i].Reason!)); break;
            }
        }
    }
}

/// <summary>Checked records with their line numbers, and the stored citizens they name.</summary>
sealed class ImportBatch(int capacity)
{
    public List<int> Lines { get; } = new(capacity);

    public List<CitizenFields> Fields { get; } = new(capacity);

    public List<Citizen> Found { get; set; } = [];
}
