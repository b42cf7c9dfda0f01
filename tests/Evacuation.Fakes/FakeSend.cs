namespace Evacuation.Fakes;

/// <summary>One message a fake provider accepted: channel ("Telegram" or "Sms"), chat id or phone, text, arrival (UTC).</summary>
public sealed record FakeSend(string Channel, string To, string Text, DateTime At);
