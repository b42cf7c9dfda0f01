using Microsoft.Extensions.Options;

namespace Evacuation.Host.CheckIn;

/// <summary>
/// <c>Web:*</c>: where citizens' check-in pages are served (README, "Check-in page").
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// The public address of this service as citizens' phones reach it, e.g. <c>https://evac.example.org</c>: links are
    /// <c>{PublicBaseUrl}/c/{token}</c>. Empty: no links in messages (the pages still answer).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    public Uri? BaseUri => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.Trim().TrimEnd('/'));

    public sealed class Validator : IValidateOptions<WebOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebOptions options)
        {
            var errors = new List<string>();
            var url = options.PublicBaseUrl.Trim();
            if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0))
            {
                errors.Add($"Web:PublicBaseUrl must be an absolute http(s) URL without query or fragment, like https://evac.example.org (got '{url}').");
            }
            if (url.Any(c => !Core.Broadcasts.Gsm7Alphabet.Contains(c)))
            {
                errors.Add($"Web:PublicBaseUrl goes into every English SMS and must be plain GSM-7 letters (write an international domain in its xn-- form) (got '{url}').");
            }
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
