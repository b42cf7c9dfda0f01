using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// What <see cref="ReplyParser"/> understood. <paramref name="Status"/> is set only for <see cref="ReplyKind.Status"/>;
/// <paramref name="Language"/> only for <see cref="ReplyKind.Language"/> (a code from <see cref="Citizens.Language"/>,
/// or null when the citizen named no language we write in).
/// </summary>
public sealed record ReplyMeaning(ReplyKind Kind, JourneyStatus? Status = null, string? Language = null)
{
    public static ReplyMeaning Unknown { get; } = new(ReplyKind.Unknown);

    public static ReplyMeaning Of(JourneyStatus status) => new(ReplyKind.Status, status);

    public override string ToString() => Kind switch
    {
        ReplyKind.Status => $"{Status}",
        ReplyKind.Language => Language is null ? "Language" : $"Language {Language}",
        _ => $"{Kind}",
    };
}
