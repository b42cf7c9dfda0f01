using Evacuation.Core.Channels;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Replies;

/// <summary>
/// Stores inbound messages, once each: the unique (channel, provider id) key turns a replayed webhook or a repeated
/// Telegram update into a no-op. Interpretation happens after, from the stored row (<see cref="ReplyInterpreter"/>).
/// </summary>
public sealed class ReplyInbox(IDbContextFactory<EvacuationDb> databases, TimeProvider time, ReplyPulse pulse)
{
    /// <summary>True when stored now; false when it was already stored.</summary>
    public async Task<bool> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Replies.AnyAsync(r => r.Channel == message.Channel && r.ProviderKey == message.ProviderKey, cancellationToken))
        {
            return false;
        }
        db.Replies.Add(Reply.Of(message, time.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same message raced in on another request and won: one effect.
            return false;
        }
        pulse.Pulse();
        return true;
    }

    /// <summary>Where long polling resumes: one past the highest update_id stored, so a restart neither loses nor repeats updates.</summary>
    public async Task<long> NextTelegramOffsetAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var last = await db.Replies.Where(r => r.Channel == ChannelKind.Telegram && r.UpdateId != null).MaxAsync(r => r.UpdateId, cancellationToken);
        return last is { } id ? id + 1 : 0;
    }
}
