namespace Evacuation.Core.Broadcasts;

/// <summary>Which channels a broadcast uses for each citizen (docs/api.md, "Broadcasts": <c>channels</c>).</summary>
public enum ChannelPolicy
{
    /// <summary>Telegram when the citizen has a usable chat, else SMS; Telegram turning out unreachable falls back to SMS.</summary>
    Preferred,

    /// <summary>Every usable channel the citizen has, each its own delivery.</summary>
    Both,

    /// <summary>Telegram only; citizens without a usable chat are not recipients.</summary>
    Telegram,

    /// <summary>SMS only; citizens without a usable phone are not recipients.</summary>
    Sms,
}
