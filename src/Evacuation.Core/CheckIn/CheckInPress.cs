using Evacuation.Core.Citizens;

namespace Evacuation.Core.CheckIn;

/// <summary>
/// The four buttons of the check-in page. Each stands for the reply code a citizen would send (1-4), so a press is
/// read by the same parser and decided by the same rules as a typed or Telegram reply.
/// </summary>
public enum CheckInPress
{
    Departed = 1,
    OnTheWay = 2,
    Staying = 3,
    NeedsHelp = 4,
}

public static class CheckInPresses
{
    public static IReadOnlyList<CheckInPress> All { get; } = [CheckInPress.Departed, CheckInPress.OnTheWay, CheckInPress.Staying, CheckInPress.NeedsHelp];

    /// <summary>The form's value ("1".."4") as a press; null for anything else.</summary>
    public static CheckInPress? Read(string? value) =>
        value is { Length: 1 } && value[0] is >= '1' and <= '4' ? (CheckInPress)(value[0] - '0') : null;

    public static int Code(this CheckInPress press) => (int)press;

    public static JourneyStatus Status(this CheckInPress press) => press switch
    {
        CheckInPress.Departed => JourneyStatus.Departed,
        CheckInPress.OnTheWay => JourneyStatus.OnTheWay,
        CheckInPress.Staying => JourneyStatus.Staying,
        _ => JourneyStatus.NeedsHelp,
    };
}
