namespace Evacuation.Core.Replies;

internal static class EnglishAcknowledgements
{
    public static AcknowledgementTexts Texts { get; } = new()
    {
        Departed = "Thank you, we have recorded that you have left. Stay safe.",
        OnTheWay = "Thank you, we have recorded that you are on your way. Travel safely, and reply 1 once you have crossed the border.",
        Staying = "We have recorded that you are staying. If you need help at any time, reply 4.",
        NeedsHelp = "We have received your request for help and will contact you as soon as possible. If you are in immediate danger, call 112.",
        Route = "Here are your current route instructions.",
        Stop = "You will no longer receive messages from us. Reply START to receive them again.",
        Start = "You will receive our messages again. Reply STOP to stop them.",
        LanguageChanged = "From now on we will write to you in English.",
        LanguageQuestion = "Which language would you like? Reply LANG en (English), LANG he (עברית), LANG ru (Русский) or LANG uk (Українська).",
        Join = "Thank you, you are now registered to receive evacuation advisories.",
        Unknown = "Sorry, we did not understand your reply.",
    };
}
