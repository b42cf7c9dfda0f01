using Evacuation.Data;
using Evacuation.Host.Operators;

namespace Evacuation.Host.Dashboard;

/// <summary>
/// The operator dashboard at <c>/</c>, its assets under <c>/dashboard/</c>, and the two small reads the page needs
/// besides the operator API: who signed in (<c>GET /api/me</c>) and the confirmations chart.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>
    /// Only our own files may run or load, so a name or reply that slips past escaping still cannot execute script.
    /// https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public sealed record SignedIn(string Name, string Role);

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => Serve(context, "index.html")).ExcludeFromDescription();
        app.MapGet("/dashboard/{file}", (string file, HttpContext context) => Serve(context, file)).ExcludeFromDescription();
        app.MapGet("/api/me", (HttpContext context) =>
                TypedResults.Ok(new SignedIn(Roles.NameOf(context.User), Roles.Of(context.User).ToString())))
            .WithTags("Dashboard").RequireAuthorization(Roles.Viewer);
        app.MapGet("/api/stats/timeline", async (EvacuationDb db, TimeProvider time, CancellationToken cancellationToken) =>
                TypedResults.Ok(await ConfirmationTimeline.ReadAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken)))
            .WithTags("Stats").RequireAuthorization(Roles.Viewer);
        return app;
    }

    static IResult Serve(HttpContext context, string file)
    {
        if (DashboardAssets.Find(file) is not { } asset)
        {
            return TypedResults.NotFound();
        }
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // The page is small; always fresh so an upgraded service is never half old, half new in the browser.
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }
}
