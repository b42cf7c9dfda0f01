using System.Collections.Concurrent;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Operators;

/// <summary>
/// Stamps a key's <c>LastUsedAt</c> when it signs a request in, at most once a minute per key (and only when the stored
/// stamp is a minute old, so several nodes do not all write it), so the list of keys shows which are still in use.
/// </summary>
public sealed class KeyUses(IDbContextFactory<EvacuationDb> databases, TimeProvider time, ILogger<KeyUses> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    readonly ConcurrentDictionary<Guid, DateTimeOffset> stamped = new();

    public async ValueTask StampAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (stamped.TryGetValue(keyId, out var last) && now - last < Interval)
        {
            return;
        }
        stamped[keyId] = now;
        var at = now.UtcDateTime;
        var before = at - Interval;
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await db.ApiKeys.Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt <= before))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A missed stamp costs a less precise "last used"; it must never refuse the request.
            logger.LogWarning("Could not record when an operator key was last used ({Error})", e.GetType().Name);
        }
    }
}
