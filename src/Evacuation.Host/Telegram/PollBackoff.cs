using Telegram.Bot.Exceptions;

namespace Evacuation.Host.Telegram;

/// <summary>
/// How long the getUpdates loop waits after a failed poll: 1 s, doubling to a cap of a minute, back to nothing after
/// a good poll. A 429 waits at least its <c>retry_after</c> (https://core.telegram.org/bots/api#responseparameters);
/// a rejected token (401, or 404 for a token that names no bot) waits the cap at once, since only a person can fix it.
/// </summary>
public sealed class PollBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Cap = TimeSpan.FromMinutes(1);

    TimeSpan step = TimeSpan.Zero;

    /// <summary>The wait after this failure; each call in a row grows the next.</summary>
    public TimeSpan After(Exception error)
    {
        step = step == TimeSpan.Zero ? First : TimeSpan.FromTicks(Math.Min(step.Ticks * 2, Cap.Ticks));
        return error switch
        {
            ApiRequestException { ErrorCode: 401 or 404 } => Cap,
            ApiRequestException { Parameters.RetryAfter: int seconds } when TimeSpan.FromSeconds(seconds) > step => TimeSpan.FromSeconds(seconds),
            _ => step,
        };
    }

    /// <summary>A good poll: the next failure starts from <see cref="First"/> again.</summary>
    public void Reset() => step = TimeSpan.Zero;

    /// <summary>What the log says about the failure: never the exception text, which may carry the URL and so the token.</summary>
    public static string Describe(Exception error) => error switch
    {
        ApiRequestException e => $"Telegram {e.ErrorCode}: {e.Message}",
        Replies.NotStoredException e => $"an update could not be stored ({e.InnerException?.GetType().Name}); it is asked for again",
        RequestException { HttpStatusCode: { } status } => $"HTTP {(int)status} without a Bot API body",
        _ when error.InnerException is HttpRequestException inner => $"{inner.GetType().Name} ({inner.HttpRequestError})",
        HttpRequestException e => $"{e.GetType().Name} ({e.HttpRequestError})",
        _ => error.GetType().Name,
    };
}
