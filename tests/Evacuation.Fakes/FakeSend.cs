namespace Evacuation.Fakes;

/// <summary>
/// One message a fake provider accepted: channel ("Telegram" or "Sms"), chat id or phone, text, arrival (UTC), and
/// the fake's port it came in at (<see cref="TelegramRequest.Port"/>; 0 for SMS).
/// </summary>
public sealed record FakeSend(string Channel, string To, string Text, DateTime At, int Port = 0);
