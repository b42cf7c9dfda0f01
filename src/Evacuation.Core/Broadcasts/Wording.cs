namespace Evacuation.Core.Broadcasts;

/// <summary>Everything we write to citizens in one language: reply codes, built-in messages, typical values.</summary>
internal sealed record Wording
{
    public required string Language { get; init; }

    /// <summary>The footer every built-in message ends with.</summary>
    public required string ReplyCodes { get; init; }

    /// <summary>What <c>{crossing}</c> becomes in an operator's template when no crossing is assigned yet.</summary>
    public required string NearestCrossing { get; init; }

    public required TemplateText Advisory { get; init; }

    public required TemplateText RouteInstructions { get; init; }

    public required TemplateText Reminder { get; init; }

    public required TemplateText OnTheWayReminder { get; init; }

    /// <summary>A crossing name of ordinary length, for estimating SMS segments before sending.</summary>
    public required string TypicalCrossing { get; init; }

    /// <summary>Directions of ordinary length, for estimating SMS segments before sending.</summary>
    public required string TypicalDirections { get; init; }

    public TemplateText Template(BuiltInTemplate template) => template switch
    {
        BuiltInTemplate.Advisory => Advisory,
        BuiltInTemplate.RouteInstructions => RouteInstructions,
        BuiltInTemplate.Reminder => Reminder,
        BuiltInTemplate.OnTheWayReminder => OnTheWayReminder,
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "no such built-in template"),
    };
}
