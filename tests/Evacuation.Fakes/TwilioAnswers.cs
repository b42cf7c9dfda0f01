namespace Evacuation.Fakes;

/// <summary>Twilio REST error answers as Twilio writes them (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).</summary>
public static class TwilioAnswers
{
    public static FakeAnswer Ok => FakeAnswer.Success;

    public static FakeAnswer TooManyRequests => Error(429, 20429, "Too Many Requests");

    public static FakeAnswer InvalidNumber => Error(400, 21211, "Invalid 'To' Phone Number");

    public static FakeAnswer NotMobile => Error(400, 21614, "'To' number is not a valid mobile number");

    public static FakeAnswer Unsubscribed => Error(400, 21610, "Attempt to send to unsubscribed recipient");

    public static FakeAnswer BadFrom => Error(400, 21606, "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination/account");

    public static FakeAnswer InternalError => Error(500, 20500, "An internal server error has occurred");

    public static FakeAnswer AuthenticationFailed => Error(401, 20003, "Authenticate");

    /// <summary>A load balancer's HTML answer instead of Twilio JSON.</summary>
    public static FakeAnswer HtmlBadGateway => FakeAnswer.Html(502, "Bad Gateway");

    public static FakeAnswer Error(int status, int code, string message) =>
        new(status, $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""");
}
