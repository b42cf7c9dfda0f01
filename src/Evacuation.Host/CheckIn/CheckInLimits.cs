using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.CheckIn;

/// <summary>
/// How often check-in pages may be used: per network address by ASP.NET Core's rate limiter (the
/// <see cref="Policy"/> on the endpoints), and per link here, checked once the link is known to be well formed. A
/// fixed window a minute long each; what is over the limit gets the 429 page and is never recorded.
/// https://learn.microsoft.com/aspnet/core/performance/rate-limit
/// </summary>
public sealed class CheckInLimits : IDisposable
{
    public const string Policy = "check-in";

    readonly PartitionedRateLimiter<string> perLink;

    public CheckInLimits(IOptions<WebOptions> options)
    {
        var limit = options.Value.RequestsPerMinutePerLink;
        perLink = PartitionedRateLimiter.Create<string, string>(token => RateLimitPartition.GetFixedWindowLimiter(token, _ => Window(limit)));
    }

    /// <summary>True when <paramref name="token"/>'s page may answer one more request now.</summary>
    public bool AllowLink(string token)
    {
        using var lease = perLink.AttemptAcquire(token);
        return lease.IsAcquired;
    }

    public static void AddPolicy(RateLimiterOptions limiter, int perAddress)
    {
        limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Window(perAddress)));
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        var earlier = limiter.OnRejected;
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            if (rejected.HttpContext.Request.Path.StartsWithSegments("/c"))
            {
                await CheckInResponses.TooManyAsync(rejected.HttpContext);
            }
            else if (earlier is not null)
            {
                await earlier(rejected, cancellationToken);
            }
        };
    }

    static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    public void Dispose() => perLink.Dispose();
}
