namespace Evacuation.Host.Dashboard;

/// <summary>
/// The operator dashboard at <c>/</c> and its assets under <c>/dashboard/</c>. The page reads the operator API like any
/// client, with the key the operator pastes in.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>
    /// Only our own files may run or load, so a name or reply that slips past escaping still cannot execute script.
    /// https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        // The page and its files hold no data: anyone may load them; every figure comes from the API with a key.
        app.MapGet("/", (HttpContext context) => Serve(context, "index.html")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/dashboard/{file}", (string file, HttpContext context) => Serve(context, file)).ExcludeFromDescription().AllowAnonymous();
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
