namespace Evacuation.Core.CheckIn;

/// <summary>Where a citizen's check-in page is: <c>{Web:PublicBaseUrl}/c/{token}</c>.</summary>
public static class CheckInLinks
{
    public const string PathPrefix = "/c/";

    /// <summary>The link, or empty when there is no base URL or no token (revoked).</summary>
    public static string For(string? baseUrl, string? token) =>
        string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrEmpty(token) ? "" : baseUrl.TrimEnd('/') + PathPrefix + token;
}
