using System.Threading.Channels;
using Evacuation.Core.Citizens;
using Microsoft.EntityFrameworkCore.Storage;

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

    public ImportLines<ImportRejection> Refused { get; } = new();

    /// <summary>
    /// Batches of one transaction: each commit costs a few milliseconds of log writing whatever its size, while a
    /// longer transaction only makes other writers wait a little longer for their turn (README, "Benchmarks").
    /// </summary>
    public const int BatchesPerCommit = 5;

    /// <summary>Until the reader completes the channel; a failure closes it, so the reader stops too.</summary>
    /// <remarks>
    /// The look-ups the reader made on its own connection do not see the batches still uncommitted here. That is
    /// safe: a record sharing a key with an earlier record of the file was refused by the reader, and a citizen an
    /// earlier batch changed is looked up again on this connection (<see cref="WriteAsync"/>).
    /// </remarks>
    public async Task WriteAllAsync(Channel<ImportBatch> batches, CancellationToken cancellationToken)
    {
        IDbContextTransaction? transaction = null;
        try
        {
            var uncommitted = 0;
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                transaction ??= await registry.BeginTransactionAsync(cancellationToken);
                await WriteAsync(batch, cancellationToken);
                if (++uncommitted == BatchesPerCommit)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = null;
                    uncommitted = 0;
                }
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (Exception e)
        {
            batches.Writer.TryComplete(e);
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
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
