using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>English replies. Opt-out and opt-in words follow the carriers' standard keywords, as Twilio applies them:
/// https://help.twilio.com/articles/223134027 and https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out</summary>
internal static class EnglishPhrases
{
    public static Vocabulary Vocabulary { get; } = new()
    {
        Departed =
        [
            "left", "i have left", "we have left", "already left", "crossed", "we crossed",
            "crossed the border", "across the border", "departed", "out of ukraine", "out of the country", "left ukraine",
            "got out", "made it out", "we are out", "im out", "abroad", "evacuated", "made it across", "passed the border",
            "were out", "on the polish side", "on the moldovan side", "on the romanian side", "on the hungarian side",
            "on the slovak side", "no longer in ukraine", "no longer in the country", "not in ukraine anymore",
            "not in ukraine any more", "not in the country anymore", "not in the country any more", "outside ukraine",
            "outside of ukraine", "outside the country", "outside of the country", "left the country",
            .. Vocabulary.Combine(["we are", "were", "im", "i am"], ["not in ukraine", "not in the country"]),
            .. Vocabulary.Combine(
                ["we are in", "were in", "im in", "i am in", "already in", "now in", "safe in", "safely in", "arrived in", "reached"],
                ["poland", "moldova", "romania", "hungary", "slovakia"]),
        ],
        OnTheWay =
        [
            "on my way", "onmyway", "on ma way", "on our way", "on the way", "omw", "leaving now", "leaving", "we are leaving", "travelling",
            "traveling", "traveled", "driving", "on the road", "en route", "heading to the border",
            "heading out", "in transit", "at the border", "in the queue", "in line at the border", "in line", "going now",
            "departing", "set off", "on route", "will leave", "we will leave", "going to leave", "about to leave",
            "leaving soon", "heading", "on the bus", "on the train", "by train", "by bus", "at the checkpoint",
        ],
        Staying =
        [
            "staying", "stay", "we stay", "staying home", "staying put", "not leaving", "i am not leaving",
            "we are not leaving", "will not leave", "wont leave", "not going", "not going anywhere", "remaining",
            "we remain", "remain", "i will stay", "decided to stay",
        ],
        NeedsHelp =
        [
            "help", "halp", "sos", "need help", "please help", "help me", "help us", "stuck",
            "emergency", "injured", "wounded", "trapped", "danger", "in danger", "cant leave", "cannot leave",
            "can not leave", "unable to leave", "cant go", "cannot go", "unable to go", "cant get out", "cannot get out", "no transport", "no car",
            "need evacuation", "need a ride", "need transport", "medical", "ambulance", "under fire", "shelling",
        ],
        Neutral =
        [
            "dont need help", "do not need help", "no help needed", "no need for help", "need no help",
            "thanks for the help", "thank you for the help", "thanks for your help", "thank you for your help",
            "stay safe", "no problem", "no problems", "no worries", "no issues", "left luggage", "turn left", "on the left", "left side",
        ],
        Route = ["route", "routes", "rout", "directions", "which crossing", "which border", "where to go", "where should we go", "where do we go",
            "which way", "which road", "map", "way out"],
        Stop = ["stopall", "stop all", "unsubscribe", "optout", "opt out", "stop sending", "stop messages", "stop messaging", "remove me",
            "take me off"],
        StopWhenFirst = ["stop", "please stop", "pls stop", "cancel", "end", "quit", "revoke"],
        StartWhenFirst = ["start", "yes", "unstop", "subscribe", "resubscribe", "resume"],
        JoinWhenFirst = ["join", "register", "sign up", "signup", "enrol", "enroll"],
        LanguageWords = ["lang", "language", "languages"],
        Commands = ["route", "stop", "start", "lang", "language", "help", "sos", "unsubscribe"],
        NearMisses = EnglishNearMisses.Words,
        LanguageNames = new Dictionary<string, IReadOnlyList<string>>
        {
            [Language.English] = ["en", "eng", "english", "englisch", "anglish", "angliyskiy", "angliiskii", "angliyska", "angliiska"],
            [Language.Hebrew] = ["he", "heb", "hebrew", "ivrit", "iw"],
            [Language.Russian] = ["ru", "rus", "russian", "russkiy", "russkij", "russkii", "russki", "rosiyska", "rosiiska"],
            [Language.Ukrainian] = ["uk", "ua", "ukr", "ukrainian", "ukrainskiy", "ukrainskij", "ukrainska", "ukrayinska"],
        },
        Negations =
        [
            "not", "no", "never", "havent", "hasnt", "hadnt", "didnt", "dont", "doesnt", "cant", "cannot", "couldnt",
            "wasnt", "werent", "arent", "isnt", "wont", "nor", "neither",
        ],
        NegationsAfter = ["yet"],
    };
}
