namespace Evacuation.Core.Replies;

/// <summary>What a citizen's reply asks for (docs/api.md, "Replies").</summary>
public enum ReplyKind
{
    /// <summary>A journey status: <see cref="ReplyMeaning.Status"/> says which.</summary>
    Status,

    /// <summary>Send me my current route instructions.</summary>
    Route,

    /// <summary>Opt out of all messages.</summary>
    Stop,

    /// <summary>Opt back in.</summary>
    Start,

    /// <summary>Change language: <see cref="ReplyMeaning.Language"/> holds the code, or null when the caller must ask.</summary>
    Language,

    /// <summary>An unknown SMS sender asks to be enrolled.</summary>
    Join,

    /// <summary>Not understood: stored for an operator to read.</summary>
    Unknown,
}
