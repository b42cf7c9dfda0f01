using System.Security.Cryptography;
using System.Text;
using Evacuation.Core.CheckIn;

namespace Evacuation.Host.CheckIn;

/// <summary>
/// Writes check-in pages with the headers that keep the link secret and the page self-contained: a content security
/// policy that allows only this page's own style and script (by a fresh nonce) and form posts to this site; no
/// referrer to other sites (the token is in the address); never cached; never framed.
/// </summary>
public static class CheckInResponses
{
    public static IResult Page(HttpContext http, CheckInPage page, string formToken, int status = StatusCodes.Status200OK)
    {
        var nonce = Nonce();
        return Html(http, CheckInHtml.Page(page, formToken, nonce), nonce, status);
    }

    public static IResult NotFound(HttpContext http)
    {
        var nonce = Nonce();
        return Html(http, CheckInHtml.NotFound(nonce), nonce, StatusCodes.Status404NotFound);
    }

    /// <summary>For the rate limiter's refusal, which writes the response itself (and has set <c>Retry-After</c>).</summary>
    public static Task TooManyAsync(HttpContext http)
    {
        var nonce = Nonce();
        return Html(http, CheckInHtml.TooMany(nonce), nonce, StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }

    static IResult Html(HttpContext http, string html, string nonce, int status)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" even on our own form posts.
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "geolocation=(self)";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    static string Nonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}
