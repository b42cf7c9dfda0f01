using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Replies;

/// <summary>
/// The citizens who sent a batch of replies, loaded in one query (by chat id for Telegram, by phone for SMS) and
/// kept up to date as the batch goes on: a citizen enrolled or linked by one reply is found by the next, before
/// anything is saved. Looking here instead of in the change tracker's <c>Local</c> view avoids a scan of every
/// tracked row per reply. The keys go as one array parameter (<c>EF.Parameter</c>): one query plan whatever the
/// batch size, where an IN list of n parameters is compiled anew for each new n.
/// </summary>
sealed class SenderIndex
{
    readonly Dictionary<string, Citizen> byPhone = new(StringComparer.Ordinal);
    readonly Dictionary<long, Citizen> byChat = [];
    readonly Dictionary<Guid, Citizen> byId = [];

    public static async Task<SenderIndex> LoadAsync(EvacuationDb db, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        var senders = new SenderIndex();
        var phones = replies.Where(r => r.Channel == ChannelKind.Sms && r.From.Length > 0).Select(r => r.From).Distinct().ToList();
        var chats = replies.Select(r => r.ChatId).Where(c => c is not null).Distinct().ToList();
        if (phones.Count > 0)
        {
            senders.AddRange(await db.Citizens.Where(c => EF.Parameter(phones).Contains(c.Phone!)).ToListAsync(cancellationToken));
        }
        if (chats.Count > 0)
        {
            senders.AddRange(await db.Citizens.Where(c => EF.Parameter(chats).Contains(c.TelegramChatId)).ToListAsync(cancellationToken));
        }
        // A check-in page knows whose it is: its replies carry the citizen's id from the start.
        var ids = replies.Where(r => r.Channel == ChannelKind.Web && r.CitizenId is not null).Select(r => r.CitizenId!.Value).Distinct().ToList();
        if (ids.Count > 0)
        {
            senders.AddRange(await db.Citizens.Where(c => EF.Parameter(ids).Contains(c.Id)).ToListAsync(cancellationToken));
        }
        return senders;
    }

    /// <summary>
    /// What <see cref="ReplyDecision"/> needs to know about who sent <paramref name="reply"/>: the sender, and for a
    /// deep link or a shared contact, whose invitation or phone it is (the batch's citizens first: someone enrolled
    /// earlier in the batch is not saved yet).
    /// </summary>
    public async Task<ReplyFacts> FactsAsync(EvacuationDb db, Reply reply, ReplyDecision decision, CancellationToken cancellationToken)
    {
        var sender = Of(reply);
        Citizen? invited = null;
        Citizen? phoneHolder = null;
        if (sender is null && ReplyDecision.InvitationToken(reply) is { } token)
        {
            invited = await db.Citizens.SingleOrDefaultAsync(c => c.InviteToken == token, cancellationToken);
        }
        if (decision.SharedPhone(reply) is { } phone)
        {
            phoneHolder = WithPhone(phone) ?? await db.Citizens.SingleOrDefaultAsync(c => c.Phone == phone, cancellationToken);
        }
        return new ReplyFacts(sender, invited, phoneHolder);
    }

    Citizen? Of(Reply reply) => reply.Channel switch
    {
        ChannelKind.Telegram => reply.ChatId is { } chat ? byChat.GetValueOrDefault(chat) : null,
        ChannelKind.Web => reply.CitizenId is { } id ? byId.GetValueOrDefault(id) : null,
        _ => reply.From.Length > 0 ? byPhone.GetValueOrDefault(reply.From) : null,
    };

    Citizen? WithPhone(string phone) => byPhone.GetValueOrDefault(phone);

    /// <summary>Indexes a citizen by their phone and chat as they are now; call again after changing either.</summary>
    public void Add(Citizen citizen)
    {
        if (citizen.Phone is { } phone)
        {
            byPhone[phone] = citizen;
        }
        if (citizen.TelegramChatId is { } chat)
        {
            byChat[chat] = citizen;
        }
        byId[citizen.Id] = citizen;
    }

    void AddRange(IEnumerable<Citizen> citizens)
    {
        foreach (var citizen in citizens)
        {
            Add(citizen);
        }
    }
}
