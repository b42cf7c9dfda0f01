using Evacuation.Data;
using Evacuation.Host.Stats;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Stats;

public sealed class SharedCountsTests
{
    [Fact]
    public async Task Twenty_callers_of_a_large_read_share_one_counting_and_its_answer()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var shared = app.Services.GetRequiredService<SharedCounts>();
        var gate = new TaskCompletionSource();
        var countings = 0;
        async Task<long> Count(EvacuationDb db, DateTime asOf, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref countings);
            await gate.Task.WaitAsync(cancellationToken);
            return 1_000_000;
        }

        var callers = Enumerable.Range(0, 20)
            .Select(_ => shared.ReadAsync("big", SharedCounts.ExactUpTo, n => n, Count, TestContext.Current.CancellationToken))
            .ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(callers);

        Assert.Equal(1, countings);
        Assert.All(answers, a => Assert.Equal(1_000_000, a.Value));
        Assert.Single(answers.Select(a => a.AsOf).Distinct());
        var again = await shared.ReadAsync("big", SharedCounts.ExactUpTo, n => n, Count, TestContext.Current.CancellationToken);
        Assert.Equal(1_000_000, again.Value);
    }

    [Fact]
    public async Task A_small_read_is_counted_afresh_on_every_call()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var shared = app.Services.GetRequiredService<SharedCounts>();
        var countings = 0;
        Task<long> Count(EvacuationDb db, DateTime asOf, CancellationToken cancellationToken) =>
            Task.FromResult((long)Interlocked.Increment(ref countings));

        var first = await shared.ReadAsync("small", null, n => n, Count, TestContext.Current.CancellationToken);
        var second = await shared.ReadAsync("small", null, n => n, Count, TestContext.Current.CancellationToken);

        Assert.Equal(1, first.Value);
        Assert.Equal(2, second.Value);
    }
}
