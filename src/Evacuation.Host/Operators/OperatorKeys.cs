using Evacuation.Core.Operators;
using Evacuation.Host.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Operators;

/// <summary>What an Admin does with keys: list, create (the secret returned once) and revoke, each audited.</summary>
public sealed class OperatorKeys(KeyChanges changes, Data.EvacuationDb db, TimeProvider time)
{
    public sealed record Created(StoredApiKey Key, string Secret);

    public async Task<List<StoredApiKey>> ListAsync(string actor, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        db.Record(time.GetUtcNow().UtcDateTime, actor, "keys.list", null, $"{keys.Count} keys");
        await db.SaveChangesAsync(cancellationToken);
        return [.. keys.OrderBy(k => k.RevokedAt is not null).ThenBy(k => k.CreatedAt).ThenBy(k => k.Name, StringComparer.Ordinal)];
    }

    /// <summary>A new key, or the reason it cannot be made (a name an active key has).</summary>
    public Task<(Created? Key, string? Conflict)> CreateAsync(string name, OperatorRole role, string actor, CancellationToken cancellationToken) =>
        changes.RunAsync<(Created?, string?)>(async db =>
        {
            var names = await db.ApiKeys.Where(k => k.RevokedAt == null).Select(k => k.Name).ToListAsync(cancellationToken);
            if (names.Any(n => KeyName.Same(n, name)))
            {
                return (null, $"An active key is already named '{name}'; choose another name or revoke that key first.");
            }
            var now = time.GetUtcNow().UtcDateTime;
            var secret = OperatorKey.Generate();
            var key = new StoredApiKey
            {
                Name = name,
                Role = role,
                KeyHash = OperatorKey.StoredHashOf(secret),
                Source = KeySource.Created,
                CreatedAt = now,
                CreatedBy = actor,
            };
            db.ApiKeys.Add(key);
            db.Record(now, actor, "keys.create", key.Id.ToString(), $"{name} ({role})");
            return (new Created(key, secret), null);
        }, cancellationToken);

    /// <summary>The revoked key; null when there is no such key; or the reason it may not be revoked.</summary>
    public Task<(StoredApiKey? Key, string? Refusal)> RevokeAsync(Guid id, string actor, CancellationToken cancellationToken) =>
        changes.RunAsync<(StoredApiKey?, string?)>(async db =>
        {
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
            if (key is null)
            {
                return (null, null);
            }
            var active = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToListAsync(cancellationToken);
            if (KeyRevocation.Refusal(key, active) is { } refusal)
            {
                return (key, refusal);
            }
            var now = time.GetUtcNow().UtcDateTime;
            key.RevokedAt = now;
            db.Record(now, actor, "keys.revoke", key.Id.ToString(), $"{key.Name} ({key.Role}, {key.Source})");
            return (key, null);
        }, cancellationToken);
}
