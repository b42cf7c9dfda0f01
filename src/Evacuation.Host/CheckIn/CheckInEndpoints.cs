using System.Globalization;
using Evacuation.Core.CheckIn;
using Evacuation.Core.Texts;
using Evacuation.Host.Limits;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.CheckIn;

/// <summary>
/// <c>GET /c/{token}</c>, the citizen's check-in page, and <c>POST /c/{token}</c>, a press of one of its buttons or a
/// shared location. Anonymous by design (the link is the credential), rate limited per address and per link.
/// </summary>
public static class CheckInEndpoints
{
    public static IEndpointRouteBuilder MapCheckIn(this IEndpointRouteBuilder app)
    {
        // Anonymous by design: the unguessable link is the credential. Counted per address and per link.
        var pages = app.MapGroup("/c").AllowAnonymous().ExcludeFromDescription()
            .RequireRateLimiting(RateLimits.PerAddress).WithMetadata(new PerLink(CheckInToken.IsWellFormed, CheckInResponses.TooManyAsync));
        pages.MapGet("/{token}", ShowAsync);
        pages.MapPost("/{token}", AnswerAsync);
        return app;
    }

    static async Task<IResult> ShowAsync(string token, HttpContext http, CheckIns checkIns, CancellationToken cancellationToken)
    {
        var (citizen, refusal) = await checkIns.FindAsync(token, cancellationToken);
        return citizen is null ? refusal(http) : checkIns.Show(http, citizen);
    }

    /// <summary>
    /// Cross-site submissions are refused three ways (README, "Check-in page"): a browser's <c>Sec-Fetch-Site</c> or
    /// <c>Origin</c> naming another site, and the form token, which only this page's own render can carry. Nothing is
    /// recorded unless all agree.
    /// </summary>
    static async Task<IResult> AnswerAsync(string token, HttpContext http, CheckIns checkIns, IOptions<WebOptions> web, CancellationToken cancellationToken)
    {
        var (citizen, refusal) = await checkIns.FindAsync(token, cancellationToken);
        if (citizen is null)
        {
            return refusal(http);
        }
        var words = Wordings.For(citizen.Language).CheckIn;
        if (FromAnotherSite(http.Request, web.Value) || await ReadFormAsync(http.Request, cancellationToken) is not { } form)
        {
            return checkIns.Show(http, citizen, notice: words.FormRefused, status: StatusCodes.Status403Forbidden);
        }
        var check = FormToken.Check(citizen.CheckInToken!, form["form"], checkIns.Now);
        if (check.Nonce is not { } nonce)
        {
            return check.IsExpired
                ? checkIns.Show(http, citizen, notice: words.FormExpired, status: StatusCodes.Status400BadRequest)
                : checkIns.Show(http, citizen, notice: words.FormRefused, status: StatusCodes.Status403Forbidden);
        }
        if (CheckInPresses.Read(form["press"]) is { } press)
        {
            var pressed = await checkIns.PressAsync(citizen, nonce, press, cancellationToken);
            return checkIns.Show(http, pressed, press.Status());
        }
        if (Coordinate(form["latitude"], 90) is { } latitude && Coordinate(form["longitude"], 180) is { } longitude)
        {
            return checkIns.Show(http, await checkIns.LocateAsync(citizen, nonce, latitude, longitude, cancellationToken));
        }
        return checkIns.Show(http, citizen, notice: words.FormRefused, status: StatusCodes.Status400BadRequest);
    }

    static bool FromAnotherSite(HttpRequest request, WebOptions web)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            // Not every client sends it; the form token must still match.
            return false;
        }
        var own = $"{request.Scheme}://{request.Host}";
        var published = web.BaseUri?.GetLeftPart(UriPartial.Authority);
        return !origin.Equals(own, StringComparison.OrdinalIgnoreCase) && !origin.Equals(published, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A small url-encoded form: the form token, a press or a location. Anything else is null.</summary>
    static async Task<IFormCollection?> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        try
        {
            var reader = new FormFeature(request, new FormOptions { ValueCountLimit = 8, KeyLengthLimit = 32, ValueLengthLimit = 256, MultipartBodyLengthLimit = 4096 });
            return await reader.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    static double? Coordinate(string? text, double limit) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= limit
            ? value
            : null;
}
