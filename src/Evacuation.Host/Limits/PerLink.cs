namespace Evacuation.Host.Limits;

/// <summary>
/// Endpoint metadata: requests are also counted per value of the route's <c>{token}</c> (<c>Limits:PerLinkPerMinute</c>
/// a minute), for tokens <see cref="IsWellFormed"/> accepts, and a refusal (per link or per address) is answered by
/// <see cref="RefuseAsync"/> instead of a problem detail. For pages a person opens from a link, such as the check-in page.
/// </summary>
public sealed record PerLink(Func<string, bool> IsWellFormed, Func<HttpContext, Task> RefuseAsync)
{
    public const string RouteValue = "token";
}
