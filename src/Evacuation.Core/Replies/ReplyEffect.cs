using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// One thing a reply makes happen, as <see cref="ReplyDecision"/> decided it. The service applies a reply's effects in
/// order to the citizen it came from, who is the one named by the last <see cref="Enrol"/> or <see cref="LinkChat"/>
/// when there is one; every effect but <see cref="Answer"/>, <see cref="AskForContact"/>,
/// <see cref="OpenHelpCase"/> and <see cref="ConfirmDelivery"/> also marks the citizen updated.
/// </summary>
public abstract record ReplyEffect;

/// <summary>A new citizen, registered by themselves, with the phone and chat the reply came from.</summary>
public sealed record Enrol(string? Phone, long? TelegramChatId) : ReplyEffect;

/// <summary>The reply's Telegram chat becomes <paramref name="Citizen"/>'s (and reachable again).</summary>
public sealed record LinkChat(Citizen Citizen, long? TelegramChatId) : ReplyEffect;

public sealed record SetPhone(string Phone) : ReplyEffect;

public sealed record SetLocation(double? Latitude, double? Longitude) : ReplyEffect;

public sealed record SetStatus(JourneyStatus Status) : ReplyEffect;

/// <summary>The reminder count starts over; <paramref name="Escalate"/> puts the citizen on the call list now, else takes them off it.</summary>
public sealed record ResetReminders(bool Escalate) : ReplyEffect;

public sealed record SetOptedOut(bool OptedOut) : ReplyEffect;

public sealed record SetLanguage(string Language) : ReplyEffect;

/// <summary>The citizen's crossing, chosen now.</summary>
public sealed record AssignCrossing(string CrossingId) : ReplyEffect;

/// <summary>The citizen blocked the bot: Telegram cannot reach them any more.</summary>
public sealed record MarkTelegramUnreachable : ReplyEffect;

/// <summary>START by SMS also lifts the carrier's block (Twilio error 21610), so SMS can reach the citizen again.</summary>
public sealed record MarkSmsReachable : ReplyEffect;

/// <summary>A line on the citizen's timeline.</summary>
public sealed record Note(CitizenEventKind Kind, string Detail) : ReplyEffect;

/// <summary>
/// A call for help becomes a case a named officer owns (or adds to the open one): from opted-out citizens and from
/// strangers the registry does not know too, who get a case under the address they wrote from.
/// </summary>
public sealed record OpenHelpCase(string Said) : ReplyEffect;

/// <summary>A message to the citizen on the channel the reply came by, with a Telegram keyboard (<see cref="Deliveries.Keyboards"/>) or none.</summary>
public sealed record Answer(string Text, string? Keyboard = null) : ReplyEffect;

/// <summary>A chat we know nobody behind is asked to share its phone number, which finds or creates their record.</summary>
public sealed record AskForContact : ReplyEffect;

/// <summary>Telegram has no delivery receipts: a reply proves our last Telegram message to the citizen arrived.</summary>
public sealed record ConfirmDelivery : ReplyEffect;
