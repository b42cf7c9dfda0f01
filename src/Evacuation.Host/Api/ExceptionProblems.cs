using Microsoft.AspNetCore.Diagnostics;

namespace Evacuation.Host.Api;

/// <summary>
/// Turns Kestrel's request errors (body too large: 413, malformed request: 400) into problem details, a message the
/// database could not store into a 503 (the sender retries), and anything unexpected into a 500 that says nothing internal.
/// </summary>
public sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "Body too large", "The request body is larger than this endpoint accepts; split the file or shorten the text."),
            BadHttpRequestException e => (e.StatusCode, "Malformed request", e.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", ""),
            Replies.NotStoredException => (503, "Not stored", "The message could not be stored just now, so nothing was done with it; send it again in a few seconds (Telegram and Twilio do so by themselves)."),
            _ when DatabaseOutage.Caused(exception) =>
                (503, "Database unavailable", "The database cannot be reached just now; nothing was stored. Try again in a few seconds (GET /health says why)."),
            _ => (500, "Internal error", "Something went wrong on our side. Nothing was half-saved; try again, and tell an administrator if it repeats."),
        };
        if (status == 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        if (httpContext.Response.HasStarted)
        {
            return true;
        }
        httpContext.Response.StatusCode = status;
        if (status == 503)
        {
            logger.LogWarning("{Title} on {Method} {Path} ({Error})", title, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
            httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
        return true;
    }
}
