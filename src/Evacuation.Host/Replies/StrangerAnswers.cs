using System.Collections.Concurrent;
using Evacuation.Core.Channels;
using Evacuation.Host.Metrics;

namespace Evacuation.Host.Replies;

/// <summary>
/// Answers to unknown senders (strangers writing to the bot, unknown SMS numbers) are limited to one per sender every
/// <see cref="Interval"/>: a flood from 1,000 unknown chats, or 1,000 messages from one, must not fill the outbox ahead
/// of the citizens' own answers. What is held back is counted in one log line a minute at most (no addresses logged).
/// </summary>
public sealed class StrangerAnswers(ServiceMetrics metrics, ILogger<StrangerAnswers> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    readonly ConcurrentDictionary<string, DateTime> lastAnswered = new(StringComparer.Ordinal);
    long heldBack;
    DateTime lastLogged;

    /// <summary>Total answers held back since start.</summary>
    public long HeldBack => Interlocked.Read(ref heldBack);

    /// <summary>
    /// Whether <paramref name="sender"/> (an address on <paramref name="channel"/>) may be answered at
    /// <paramref name="now"/>; if so, it is noted; if not, counted (metric <c>evacuation.answers.held_back</c>).
    /// </summary>
    public bool TryAnswer(ChannelKind channel, string sender, DateTime now)
    {
        if (lastAnswered.Count > 100_000)
        {
            foreach (var (key, at) in lastAnswered)
            {
                if (now - at >= Interval)
                {
                    lastAnswered.TryRemove(new KeyValuePair<string, DateTime>(key, at));
                }
            }
        }
        var answered = false;
        lastAnswered.AddOrUpdate($"{channel}:{sender}", _ => { answered = true; return now; }, (_, at) =>
        {
            answered = now - at >= Interval;
            return answered ? now : at;
        });
        if (!answered)
        {
            metrics.HeldBackFromStranger(channel);
            var total = Interlocked.Increment(ref heldBack);
            if (now - lastLogged >= TimeSpan.FromMinutes(1))
            {
                lastLogged = now;
                logger.LogWarning("Answers to unknown senders held back: {Total} so far (one answer per sender every {Interval})", total, Interval);
            }
        }
        return answered;
    }
}
