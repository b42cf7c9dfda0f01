using Evacuation.Core.Reminders;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// The names the service signs its own broadcasts with, in <see cref="Broadcast.CreatedBy"/> where an operator's key
/// name would be: lists tell operators' broadcasts from them, so no key may take one (<see cref="Operators.KeyName"/>).
/// </summary>
public static class Authors
{
    /// <summary>Answers to citizens' own messages, and invitations (sent the same way).</summary>
    public const string Answers = "replies";

    /// <summary>The reminder sweep.</summary>
    public const string Reminders = ReminderRules.Author;

    public static IReadOnlyList<string> All { get; } = [Answers, Reminders];
}
