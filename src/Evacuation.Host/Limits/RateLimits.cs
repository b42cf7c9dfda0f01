using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Limits;

/// <summary>
/// ASP.NET Core's rate limiting (https://learn.microsoft.com/aspnet/core/performance/rate-limit): every request made
/// with an operator key counts against that key (<c>Limits:PerKeyPerMinute</c>), and endpoints anyone may call
/// without a key (the webhooks, a citizen's page) name <see cref="PerAddress"/>, counted by source address before
/// the endpoint runs, so a flood of forged webhooks costs no signature check and no database. Over the limit: 429
/// with <c>Retry-After</c> and a problem detail. Counts are per node.
/// A citizen's check-in page is also counted per link (<see cref="PerLink"/>, <c>Limits:PerLinkPerMinute</c>). An
/// endpoint names one policy, so the per-link count is the global limiter's partition for endpoints that carry
/// <see cref="PerLink"/> (where no key is needed, so none is counted); the address is still counted by their
/// <see cref="PerAddress"/> policy, and both refuse with the page's own answer.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy for endpoints without a key: <c>.RequireRateLimiting(RateLimits.PerAddress)</c>.</summary>
    public const string PerAddress = "per-address";

    public static WebApplicationBuilder AddLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptions.Validator>();
        builder.Services.AddSingleton<AnswerBudget>();
        builder.Services.AddSingleton<EnrolmentCap>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((o, limits) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(PerAddress, c => PerMinute("address:" + c.Connection.RemoteIpAddress, limits.Value.PerAddressPerMinute));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => Global(c, limits.Value));
        });
        return builder;
    }

    /// <summary>
    /// The global count: per link on a <see cref="PerLink"/> endpoint (a page needs no key, so a key sent with it
    /// counts for nothing), else per key. Only a well-formed link gets a count of its own: counting every string a
    /// client makes up would keep one limiter per guess in memory (the per-address policy bounds the guesses).
    /// </summary>
    static RateLimitPartition<string> Global(HttpContext context, LimitsOptions limits)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PerLink>() is { } link)
        {
            return context.Request.RouteValues[PerLink.RouteValue] is string token && link.IsWellFormed(token)
                ? PerMinute("link:" + token, limits.PerLinkPerMinute)
                : RateLimitPartition.GetNoLimiter("");
        }
        return context.User.Identity is { IsAuthenticated: true, Name: { } key }
            ? PerMinute("key:" + key, limits.PerKeyPerMinute)
            : RateLimitPartition.GetNoLimiter("");
    }

    static RateLimitPartition<string> PerMinute(string partition, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<PerLink>() is { } link)
        {
            await link.RefuseAsync(rejected.HttpContext);
            return;
        }
        await TypedResults.Problem(
            $"Too many requests; try again in {seconds} s. The limits are set by Limits:PerAddressPerMinute and Limits:PerKeyPerMinute.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(rejected.HttpContext);
    }
}
