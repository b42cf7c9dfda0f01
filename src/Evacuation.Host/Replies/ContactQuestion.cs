using Evacuation.Core.Texts;

namespace Evacuation.Host.Replies;

/// <summary>
/// What a chat we do not know yet is asked: share the phone number, so we can find the citizen's record or enrol
/// them. Written in all four languages, one per line, because we do not know theirs yet.
/// </summary>
public static class ContactQuestion
{
    public static readonly string Text = string.Join("\n", Wordings.All.Select(w => w.ContactQuestion));
}
