namespace Evacuation.Core.Channels;

public enum ChannelKind
{
    Telegram,
    Sms,
}
