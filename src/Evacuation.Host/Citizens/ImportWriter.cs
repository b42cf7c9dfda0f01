using System.Threading.Channels;
using Evacuation.Core.Citizens;

namespace Evacuation.Host.Citizens;

/// <summary>The storing half of an import: upserts the checked batches in order and counts what became of each row.</summary>
sealed class ImportWriter(CitizenRegistry registry, string actor)
{
    public int Imported { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public List<ImportRejection> Refused { get; } = [];

    /// <summary>Until the reader completes the channel; a failure closes it, so the reader stops too.</summary>
    public async Task WriteAllAsync(Channel<List<(int Line, CitizenFields Fields)>> batches, CancellationToken cancellationToken)
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

    async Task WriteAsync(List<(int Line, CitizenFields Fields)> batch, CancellationToken cancellationToken)
    {
        var outcomes = await registry.UpsertAsync(batch.ConvertAll(b => b.Fields), actor, cancellationToken);
        for (var i = 0; i < outcomes.Count; i++)
        {
            switch (outcomes[i].Kind)
            {
                case UpsertKind.Created: Imported++; break;
                case UpsertKind.Updated: Updated++; break;
                case UpsertKind.Unchanged: Unchanged++; break;
                default: Refused.Add(new ImportRejection(batch[i].Line, outcomes[i].Reason!)); break;
            }
        }
    }
}
