namespace Evacuation.Host.Replies;

/// <summary>
/// An inbound message the database could not store (busy, full, unreachable). Its webhook answers 503, so Telegram
/// and Twilio send it again; the poller asks for the same update again. Never "already stored".
/// </summary>
public sealed class NotStoredException(Exception inner)
    : Exception("The inbound message could not be stored: " + inner.GetType().Name, inner);
