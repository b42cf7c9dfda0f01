using Evacuation.Fakes;

namespace Evacuation.Host.Tests;

/// <summary>The service's channels live against the project's fake Telegram and Twilio servers.</summary>
public static class Providers
{
    /// <summary>Settings that make both channels live against the fakes, paced fast enough not to slow tests.</summary>
    public static Dictionary<string, string?> LiveAgainst(FakeTelegramServer? telegram, FakeTwilioServer? twilio)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:MessagesPerSecond"] = "1000",
            ["Twilio:SegmentsPerSecond"] = "1000",
            // These hosts test sending, by one operator key: large live broadcasts go out without a second operator.
            // The approval rule itself is tested with its default threshold (Broadcasts/ApprovalFlowTests).
            ["Broadcasts:ApprovalThreshold"] = NoApproval,
        };
        if (telegram is not null)
        {
            settings["Telegram:BotToken"] = telegram.Token;
            settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
        }
        if (twilio is not null)
        {
            settings["Twilio:AccountSid"] = twilio.AccountSid;
            settings["Twilio:AuthToken"] = twilio.AuthToken;
            settings["Twilio:FromNumber"] = "+15005550006";
            settings["Twilio:ApiBaseUrl"] = twilio.BaseUrl;
            settings["Twilio:PublicBaseUrl"] = PublicBaseUrl;
        }
        return settings;
    }

    public const string PublicBaseUrl = "https://evac.example.org";

    /// <summary>A threshold no test audience reaches.</summary>
    public const string NoApproval = "100000000";
}
