namespace Evacuation.Host.Replies;

public static class ReplySetup
{
    /// <summary>The inbox, the interpreter and its worker, and Telegram long polling (or webhook registration).</summary>
    public static WebApplicationBuilder AddReplies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReplyPulse>();
        builder.Services.AddSingleton<ReplyInbox>();
        builder.Services.AddSingleton<ReplyInterpreter>();
        builder.Services.AddSingleton<ButtonPresses>();
        builder.Services.AddHostedService<ReplyWorker>();
        builder.Services.AddHostedService<TelegramPolling>();
        return builder;
    }
}
