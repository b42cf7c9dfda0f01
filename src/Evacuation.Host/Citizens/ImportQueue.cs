using System.Threading.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Data;

namespace Evacuation.Host.Citizens;

/// <summary>
/// Carries checked rows from the reading half of an import to the writing half (<see cref="ImportWriter"/>) a batch
/// at a time: reading and checking the next batch (CSV, phone numbers) runs while the previous one is written, two
/// cores on two halves of the work. One batch waits at most, so memory stays flat however long the file. Each batch
/// goes with the stored citizens its records name, looked up on a connection of its own besides the writer's.
/// </summary>
sealed class ImportQueue
{
    public const int BatchSize = 1000;

    readonly Channel<ImportBatch> batches = Channel.CreateBounded<ImportBatch>(1);
    readonly EvacuationDb lookups;
    readonly CancellationToken cancellationToken;
    readonly Task writing;
    ImportBatch batch = new(BatchSize);

    public ImportQueue(ImportWriter writer, EvacuationDb lookups, CancellationToken cancellationToken)
    {
        this.lookups = lookups;
        this.cancellationToken = cancellationToken;
        writing = Task.Run(() => writer.WriteAllAsync(batches, cancellationToken), cancellationToken);
    }

    public async ValueTask AddAsync(int line, CitizenFields fields)
    {
        batch.Lines.Add(line);
        batch.Fields.Add(fields);
        if (batch.Fields.Count == BatchSize)
        {
            await FlushAsync();
        }
    }

    /// <summary>Sends the last batch and waits until everything is written.</summary>
    public async Task CompleteAsync()
    {
        await FlushAsync();
        batches.Writer.TryComplete();
        await writing;
    }

    async Task FlushAsync()
    {
        if (batch.Fields.Count == 0)
        {
            return;
        }
        try
        {
            batch.Found = await CitizenRegistry.FindAsync(lookups, batch.Fields, cancellationToken);
            await batches.Writer.WriteAsync(batch, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The writer failed and closed the channel: its exception is the one to report.
            await writing;
            throw;
        }
        batch = new ImportBatch(BatchSize);
    }
}
