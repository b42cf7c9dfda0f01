using System.Collections.Concurrent;

namespace Evacuation.Core.Deliveries;

/// <summary>
/// At most one message per second to any one chat, as Telegram asks
/// (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
/// </summary>
public sealed class ChatSpacing(TimeProvider time)
{
    static readonly TimeSpan Gap = TimeSpan.FromSeconds(1);

    readonly ConcurrentDictionary<string, DateTimeOffset> nextForChat = new(StringComparer.Ordinal);

    /// <summary>Books the next moment <paramref name="chat"/> may get a message and returns it.</summary>
    public DateTimeOffset Reserve(string chat)
    {
        var now = time.GetUtcNow();
        if (nextForChat.Count > 50_000)
        {
            Forget(now);
        }
        var start = now;
        nextForChat.AddOrUpdate(chat, _ => now + Gap, (_, next) =>
        {
            start = next > now ? next : now;
            return start + Gap;
        });
        return start;
    }

    public ValueTask WaitAsync(string chat, CancellationToken cancellationToken) =>
        Pacer.DelayUntil(time, Reserve(chat), cancellationToken);

    /// <summary>
    /// Takes <paramref name="chat"/>'s next moment if it is now and returns null; otherwise books nothing and returns
    /// when the chat is free. A dispatcher gives such a message back for later instead of waiting, so one busy chat
    /// never holds the messages to other chats claimed with it.
    /// </summary>
    public DateTimeOffset? TryTake(string chat)
    {
        var now = time.GetUtcNow();
        if (nextForChat.Count > 50_000)
        {
            Forget(now);
        }
        DateTimeOffset? busyUntil = null;
        nextForChat.AddOrUpdate(chat, _ => now + Gap, (_, next) =>
        {
            busyUntil = next > now ? next : null;
            return busyUntil ?? now + Gap;
        });
        return busyUntil;
    }

    /// <summary>A message to <paramref name="chat"/> leaves now (after waiting for the bot-wide pacer): the next one a second later.</summary>
    public void Sent(string chat)
    {
        var now = time.GetUtcNow();
        nextForChat.AddOrUpdate(chat, _ => now + Gap, (_, next) => next > now + Gap ? next : now + Gap);
    }

    /// <summary>Chats whose gap has passed need no entry; a big broadcast would otherwise keep one per citizen.</summary>
    void Forget(DateTimeOffset now)
    {
        foreach (var (chat, next) in nextForChat)
        {
            if (next <= now)
            {
                nextForChat.TryRemove(new KeyValuePair<string, DateTimeOffset>(chat, next));
            }
        }
    }
}
