using System.Threading.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// The dispatcher's last look before a provider call: a delivery withdrawn after it was claimed (its text names a
/// crossing that has just closed, <c>Routes/StaleDirections</c>) is not sent. The row is read after the pacing wait,
/// because a closure on any node may have cancelled it while it waited for its slot.
/// </summary>
/// <remarks>
/// Looks asked for at the same moment are answered by one query (<c>WHERE Id IN (...)</c>): with pacing off a
/// dispatcher sends a whole claim at once, and a read per message halved the dispatch rate (README, Benchmarks).
/// </remarks>
public sealed class Withdrawals(IDbContextFactory<EvacuationDb> databases, ILogger<Withdrawals> logger) : BackgroundService
{
    const int MostPerLook = 500;

    readonly Channel<(Guid Id, TaskCompletionSource<bool> Answer)> asked =
        Channel.CreateUnbounded<(Guid, TaskCompletionSource<bool>)>(new() { SingleReader = true });

    /// <summary>
    /// True when the row was cancelled since it was claimed, or cannot be read now (then it is given back untried
    /// rather than sent blind: a send we could not record would be sent again once the lease runs out).
    /// </summary>
    public Task<bool> IsWithdrawnAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!asked.Writer.TryWrite((delivery.Id, answer)))
        {
            answer.SetResult(true); // stopping: nothing more is sent
        }
        return answer.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Guid Id, TaskCompletionSource<bool> Answer)>(MostPerLook);
        try
        {
            while (await asked.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MostPerLook && asked.Reader.TryRead(out var ask))
                {
                    batch.Add(ask);
                }
                await AnswerAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        asked.Writer.TryComplete();
        foreach (var (_, answer) in batch)
        {
            answer.TrySetResult(true);
        }
        while (asked.Reader.TryRead(out var left))
        {
            left.Answer.TrySetResult(true);
        }
    }

    async Task AnswerAsync(List<(Guid Id, TaskCompletionSource<bool> Answer)> batch, CancellationToken cancellationToken)
    {
        try
        {
            var ids = batch.Select(a => a.Id).ToList();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var withdrawn = (await db.Deliveries.AsNoTracking()
                .Where(d => ids.Contains(d.Id) && d.State == DeliveryState.Cancelled)
                .Select(d => d.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
            foreach (var (id, answer) in batch)
            {
                answer.TrySetResult(withdrawn.Contains(id));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Cannot look at {Count} deliveries before sending them ({Error}); they go back to the queue", batch.Count, e.GetType().Name);
            foreach (var (_, answer) in batch)
            {
                answer.TrySetResult(true);
            }
        }
    }
}
