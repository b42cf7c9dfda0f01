namespace Evacuation.Host.Twilio;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body as its raw name/value pairs, in order, names exactly as sent.
/// The Twilio signature is computed over these; ASP.NET Core's form collection ignores the case of names and would
/// merge pairs Twilio signed separately.
/// </summary>
public static class FormPairs
{
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
