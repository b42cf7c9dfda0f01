namespace Evacuation.Host.Replies;

public static class ReplySetup
{
    /// <summary>The inbox that stores inbound messages, the interpreter that acts on them, and its worker.</summary>
    public static WebApplicationBuilder AddReplies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReplyPulse>();
        builder.Services.AddSingleton<ReplyInbox>();
        builder.Services.AddSingleton<ReplyInterpreter>();
        builder.Services.AddSingleton<StrangerAnswers>();
        builder.Services.AddHostedService<ReplyWorker>();
        return builder;
    }
}
