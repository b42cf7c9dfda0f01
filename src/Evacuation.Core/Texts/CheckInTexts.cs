namespace Evacuation.Core.Texts;

/// <summary>
/// The words of the personal check-in page (<c>/c/{token}</c>) in one language, and the line that carries its link in
/// the built-in messages. The page is read on a phone, often in a hurry: short sentences, one instruction each.
/// </summary>
public sealed record CheckInTexts
{
    /// <summary>The browser tab's title and the page's heading.</summary>
    public required string Title { get; init; }

    /// <summary>(first name) → "Hello, Olena."; the caller uses <see cref="GreetingNoName"/> when there is no name.</summary>
    public required Func<string, string> Greeting { get; init; }

    public required string GreetingNoName { get; init; }

    /// <summary>Under the greeting: what the page is for, and that the link is theirs alone.</summary>
    public required string Intro { get; init; }

    public required string AdviceHeading { get; init; }

    /// <summary>The advice when a crossing is assigned and open or jammed; the crossing follows.</summary>
    public required string LeaveNow { get; init; }

    /// <summary>The advice when we cannot place the citizen yet.</summary>
    public required string NoCrossingYet { get; init; }

    /// <summary>The advice when every crossing is closed.</summary>
    public required string AllClosed { get; init; }

    /// <summary>The advice once the citizen told us they are out.</summary>
    public required string AlreadyOut { get; init; }

    public required string CrossingHeading { get; init; }

    /// <summary>The crossing's status when it is open (the other statuses are the directions' words).</summary>
    public required string Open { get; init; }

    public required string OpenInMap { get; init; }

    /// <summary>Heads what we have on record: a reply-code label, or <see cref="NoAnswerYet"/>.</summary>
    public required string RecordedHeading { get; init; }

    public required string NoAnswerYet { get; init; }

    public required string ButtonsHeading { get; init; }

    /// <summary>The four buttons, in the order of reply codes 1-4, in the citizen's own voice.</summary>
    public required IReadOnlyList<string> Buttons { get; init; }

    public required string ShareLocation { get; init; }

    /// <summary>Beside the location button: the phone asks first, and what the location is for.</summary>
    public required string LocationNote { get; init; }

    public required string LocationFailed { get; init; }

    /// <summary>A press on a page rendered too long ago: nothing was saved, press again.</summary>
    public required string FormExpired { get; init; }

    /// <summary>A press whose form did not come from this page: nothing was saved.</summary>
    public required string FormRefused { get; init; }

    /// <summary>For a citizen who opted out of messages: presses are still recorded.</summary>
    public required string OptedOut { get; init; }

    /// <summary>The 404 page: the same for an unknown, mistyped or revoked link (all four languages are shown).</summary>
    public required string NotFound { get; init; }

    /// <summary>The 429 page (all four languages are shown).</summary>
    public required string TooMany { get; init; }

    /// <summary>Ends the built-in messages when <c>Web:PublicBaseUrl</c> is set; <c>{checkInLink}</c> is the citizen's link.</summary>
    public required string LinkLine { get; init; }
}
