using System.Text.Json;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests;

/// <summary>Waiting for the service to get somewhere without sleeping: each look is made again when the outbox changes.</summary>
public static class Waiting
{
    /// <summary>Waits until the broadcast reaches <paramref name="state"/>; gives up after 30 s so a bug fails rather than hangs.</summary>
    public static async Task<JsonElement> UntilStateAsync(this EvacuationApp app, string id, string state) =>
        (await app.UntilAsync(async () =>
        {
            var progress = await app.ProgressAsync(id);
            return progress.GetProperty("state").GetString() == state ? new[] { progress } : null;
        }, $"broadcast {id} to be {state}"))[0];

    public static Task<List<Delivery>> DeliveriesAsync(this EvacuationApp app, Func<Delivery, bool>? where = null) =>
        app.UntilAsync(async () => (List<Delivery>?)await ReadDeliveriesAsync(app, where), "deliveries");

    static async Task<List<Delivery>> ReadDeliveriesAsync(EvacuationApp app, Func<Delivery, bool>? where)
    {
        await using var db = app.Database.Open();
        var all = await db.Deliveries.AsNoTracking().ToListAsync();
        return [.. all.Where(where ?? (_ => true))];
    }

    /// <summary>Waits until deliveries matching <paramref name="where"/> number <paramref name="count"/>.</summary>
    public static Task<List<Delivery>> UntilDeliveriesAsync(this EvacuationApp app, int count, Func<Delivery, bool> where, string what) =>
        app.UntilAsync(async () =>
        {
            var found = await ReadDeliveriesAsync(app, where);
            return found.Count >= count ? found : null;
        }, what);

    /// <summary>
    /// Re-checks <paramref name="found"/> each time the outbox changes (the service's own pulse), so tests wait
    /// for behaviour, not for a guessed time.
    /// </summary>
    public static async Task<T> UntilAsync<T>(this EvacuationApp app, Func<Task<T?>> found, string what)
        where T : class
    {
        var pulse = app.Services.GetRequiredService<DeliveryPulse>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = pulse.Next;
            if (await found() is { } value)
            {
                return value;
            }
            try
            {
                await next.WaitAsync(TimeSpan.FromMilliseconds(200), limit.Token);
            }
            catch (TimeoutException)
            {
                // The sweeper works on its own clock; look again.
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still waiting for {what} after 30 s");
            }
        }
    }
}
