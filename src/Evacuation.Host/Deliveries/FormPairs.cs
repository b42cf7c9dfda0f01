using System.Text;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body into its raw name/value pairs, in order, names exactly
/// as sent. The Twilio signature is computed over these; ASP.NET Core's form collection ignores the case of
/// names and would merge pairs Twilio signed separately (DESIGN.md section 3).
/// </summary>
public static class FormPairs
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<List<KeyValuePair<string, string>>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBytes + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (length > MaxBytes)
        {
            return null;
        }
        return Parse(new string(buffer, 0, length));
    }

    public static List<KeyValuePair<string, string>> Parse(string body) =>
    [
        .. body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            return new KeyValuePair<string, string>(Decode(name), Decode(value));
        }),
    ];

    static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    public static string? First(this IReadOnlyList<KeyValuePair<string, string>> pairs, string name) =>
        pairs.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();
}
