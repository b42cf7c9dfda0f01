using Evacuation.Core.Broadcasts;

namespace Evacuation.Core.Texts;

/// <summary>
/// Everything we write to citizens in one language, in one place so a native speaker can review it in one sitting
/// (docs/texts.md lists all four): the reply codes, the built-in messages, the answers to replies, the words of
/// route directions and the Telegram button labels. Templates use the placeholders of <see cref="Placeholders"/>.
/// </summary>
public sealed record Wording
{
    public required string Language { get; init; }

    /// <summary>The language's name in itself ("Українська"), on the language buttons.</summary>
    public required string OwnName { get; init; }

    /// <summary>
    /// What codes 1-4 mean, one meaning each ("out of Ukraine", not "left", which also reads "set off"). The reply
    /// parser reads each as its code; the Telegram buttons show them after their digit.
    /// </summary>
    public required IReadOnlyList<string> ReplyCodeLabels { get; init; }

    /// <summary>The line every built-in message ends with: codes 1-4 with their labels, then ROUTE and STOP.</summary>
    public required string ReplyCodeLine { get; init; }

    /// <summary>Who speaks when <c>Messages:SenderName</c> is not set.</summary>
    public required string DefaultSender { get; init; }

    /// <summary>Opens every built-in message: "{sender}: " (with a right-to-left mark first in Hebrew).</summary>
    public required string Opening { get; init; }

    /// <summary>(phone number) → "Hotline +380 44 000 0000."</summary>
    public required Func<string, string> Hotline { get; init; }

    /// <summary>(HH:MM, Kyiv time) → "as of 14:05 Kyiv time".</summary>
    public required Func<string, string> AsOf { get; init; }

    /// <summary>What <c>{crossing}</c> becomes in an operator's template when no crossing is assigned yet.</summary>
    public required string NearestCrossing { get; init; }

    public required TemplateText Advisory { get; init; }

    public required TemplateText RouteInstructions { get; init; }

    public required TemplateText Reminder { get; init; }

    public required TemplateText OnTheWayReminder { get; init; }

    /// <summary>(the closed crossing's name) → the template of a re-route: "Route changed: X is closed, go to {crossing}".</summary>
    public required Func<string, string> RouteChangedClosed { get; init; }

    /// <summary>(the jammed crossing's name) → the same for a crossing with long queues.</summary>
    public required Func<string, string> RouteChangedCongested { get; init; }

    /// <summary>Template: every crossing is closed; stay safe and wait. Carries the danger line and the reply codes.</summary>
    public required string WaitForInstructions { get; init; }

    public required AcknowledgementTexts Acknowledgements { get; init; }

    public required DirectionWords Directions { get; init; }

    /// <summary>Enrolment's last question, above the 📍 button.</summary>
    public required string LocationPrompt { get; init; }

    /// <summary>ROUTE from a Telegram citizen we cannot place: how to tell us (the 📍 button comes with it).</summary>
    public required string NoLocationTelegram { get; init; }

    /// <summary>ROUTE by SMS from a citizen we cannot place: where to head meanwhile and how to tell us.</summary>
    public required string NoLocationSms { get; init; }

    /// <summary>Asked of a Telegram chat we do not know yet, above the button that shares the phone number.</summary>
    public required string ContactQuestion { get; init; }

    /// <summary>(sender, link) → the SMS that invites a citizen to the Telegram bot.</summary>
    public required Func<string, string, string> Invitation { get; init; }

    /// <summary>"We never ask for money or codes": in the invitation and the enrolment answer.</summary>
    public required string NeverAskForMoney { get; init; }

    public required string ShareLocationButton { get; init; }

    public required string SharePhoneButton { get; init; }

    /// <summary>The check-in page and the line that links to it.</summary>
    public required CheckInTexts CheckIn { get; init; }

    public TemplateText Template(BuiltInTemplate template) => template switch
    {
        BuiltInTemplate.Advisory => Advisory,
        BuiltInTemplate.RouteInstructions => RouteInstructions,
        BuiltInTemplate.Reminder => Reminder,
        BuiltInTemplate.OnTheWayReminder => OnTheWayReminder,
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "no such built-in template"),
    };

    /// <summary>The label of reply code <paramref name="code"/> (1-4) as a Telegram button shows it: "1 Out of Ukraine".</summary>
    public string ButtonLabel(int code)
    {
        var label = ReplyCodeLabels[code - 1];
        return $"{code} {char.ToUpperInvariant(label[0])}{label[1..]}";
    }
}
