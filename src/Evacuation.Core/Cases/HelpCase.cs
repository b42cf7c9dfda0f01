using Evacuation.Core.Channels;

namespace Evacuation.Core.Cases;

/// <summary>
/// A call for help that a named operator takes, works and resolves. One per person at a time: a citizen (by
/// <see cref="CitizenId"/>) or, for a stranger the registry does not know, the sender's address on a channel.
/// </summary>
public sealed class HelpCase
{
    /// <summary>A small number, so a duty officer can say and type it ("case 12").</summary>
    public long Id { get; set; }

    /// <summary>Null for a stranger: then <see cref="Sender"/> says who wrote.</summary>
    public Guid? CitizenId { get; set; }

    /// <summary>The channel of the first call for help.</summary>
    public ChannelKind Channel { get; set; }

    /// <summary>A stranger's phone (E.164) or Telegram chat id; empty for citizens, whose record has both.</summary>
    public string? Sender { get; set; }

    public CaseState State { get; set; }

    /// <summary>When it entered its state: for open cases, how long someone has been waiting for a call.</summary>
    public DateTime StateSince { get; set; }

    public DateTime OpenedAt { get; set; }

    /// <summary>The operator key's name of whoever has the case (kept after it is resolved).</summary>
    public string? AssignedTo { get; set; }

    /// <summary>Calls for help this case has collected.</summary>
    public int Requests { get; set; }

    public DateTime LastRequestAt { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTime? ResolvedAt { get; set; }

    /// <summary>What the resolving operator wrote: reached, help sent, false alarm, unreachable...</summary>
    public string? Resolution { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised on every change; two changes made from the same reading cannot both be saved.</summary>
    public int Version { get; set; }

    public List<CaseNote> Notes { get; set; } = [];
}
