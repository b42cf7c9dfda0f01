using Evacuation.Channels.Sandbox;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Drills;

/// <summary>
/// Where a drill citizen's messages go, whatever the live channels are: a sandbox per channel, which stores and
/// sends nothing. Its log category (<c>Evacuation.Drills.Sandbox</c>) is quiet at the default level, since a drill
/// shows its progress itself.
/// </summary>
public sealed class DrillSandbox(IDbContextFactory<EvacuationDb> databases, ILoggerFactory loggers)
{
    readonly Dictionary<ChannelKind, IChannel> channels = ChannelKinds.Outbound
        .ToDictionary(k => k, k => (IChannel)new SandboxChannel(k, new Category(loggers.CreateLogger("Evacuation.Drills.Sandbox"))));

    public IChannel Channel(ChannelKind kind) => channels[kind];

    /// <summary>
    /// Which of <paramref name="claimed"/> are for real citizens: one read by primary key per claimed batch. Anything
    /// else (a drill's citizen, or one removed meanwhile, as a drill being cleaned) goes to the sandbox. A delivery with
    /// no citizen behind it (the question asking a stranger for their phone) answers someone who wrote to the real bot:
    /// it is real too.
    /// </summary>
    public async Task<HashSet<Guid>> RealCitizensAmongAsync(IReadOnlyCollection<Delivery> claimed, CancellationToken cancellationToken)
    {
        var ids = claimed.Select(d => d.CitizenId).Distinct().ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        HashSet<Guid> real = [.. await db.Citizens.Where(c => ids.Contains(c.Id) && c.DrillId == null).Select(c => c.Id).ToListAsync(cancellationToken)];
        real.Add(Guid.Empty);
        return real;
    }

    /// <summary>The sandbox channel's logger, under the drill's own category.</summary>
    sealed class Category(ILogger inner) : ILogger<SandboxChannel>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
