using System.Collections.Concurrent;
using System.Diagnostics;
using Evacuation.Core.Cluster;

namespace Evacuation.Host.Cluster;

/// <summary>
/// The roles this node holds (<see cref="RoleNames"/>). On SQLite one process holds them all, always. On PostgreSQL
/// <see cref="Heartbeat"/> confirms each role against the <c>cluster_roles</c> table every heartbeat, and a role counts
/// as held only until <see cref="ClusterOptions.ValidFor"/> after the last confirmation was asked for (on this
/// machine's monotonic clock): a node that can no longer reach the database stops using a role a heartbeat before
/// another node may take it.
/// </summary>
public sealed class NodeRoles
{
    readonly bool everything;
    readonly ConcurrentDictionary<string, long> heldUntil = new();
    TaskCompletionSource changed = New();

    NodeRoles(bool everything) => this.everything = everything;

    /// <summary>One process holds every role (SQLite).</summary>
    public static NodeRoles Alone() => new(everything: true);

    /// <summary>Roles are elected through the database (PostgreSQL).</summary>
    public static NodeRoles Elected() => new(everything: false);

    public bool IsElected => !everything;

    public bool Holds(string role) =>
        everything || (heldUntil.TryGetValue(role, out var until) && Stopwatch.GetTimestamp() < until);

    /// <summary>The roles held now, in <see cref="RoleNames.All"/> order.</summary>
    public IReadOnlyList<string> Held => [.. RoleNames.All.Where(Holds)];

    /// <summary>Completes when a role is taken or given up here. Take it before checking <see cref="Holds"/>.</summary>
    public Task Changed => Volatile.Read(ref changed).Task;

    /// <summary>Waits until <paramref name="role"/> is held; false when <paramref name="cancellationToken"/> ends the wait.</summary>
    public async Task<bool> WaitForAsync(string role, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = Changed;
            if (Holds(role))
            {
                return true;
            }
            try
            {
                // Also look again each second: a held role ends by time, not by a signal.
                await next.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// A token that is cancelled as soon as <paramref name="role"/> is no longer held here (or the service stops): work
    /// that only the holder may do (a long poll) ends with the role instead of overlapping the next holder's.
    /// </summary>
    public CancellationTokenSource WhileHeld(string role, CancellationToken stoppingToken)
    {
        var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _ = WatchAsync(role, held);
        return held;
    }

    async Task WatchAsync(string role, CancellationTokenSource held)
    {
        try
        {
            while (Holds(role) && !held.IsCancellationRequested)
            {
                await Task.WhenAny(Changed, Task.Delay(TimeSpan.FromMilliseconds(200), held.Token));
            }
            await held.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The work ended first and disposed its token.
        }
    }

    /// <summary>The database confirmed <paramref name="role"/> is ours, by a statement sent at <paramref name="askedAt"/> (a Stopwatch timestamp).</summary>
    internal void Confirm(string role, long askedAt, TimeSpan validFor)
    {
        var until = askedAt + (long)(validFor.TotalSeconds * Stopwatch.Frequency);
        var wasHeld = Holds(role);
        heldUntil[role] = until;
        if (!wasHeld)
        {
            Signal();
        }
    }

    internal void Lose(string role)
    {
        if (heldUntil.TryRemove(role, out _))
        {
            Signal();
        }
    }

    internal void LoseAll()
    {
        foreach (var role in heldUntil.Keys)
        {
            Lose(role);
        }
    }

    void Signal() => Interlocked.Exchange(ref changed, New()).TrySetResult();

    static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
