using System.Text;

namespace Evacuation.Host.Tests.BadInput;

/// <summary>The raw material of the corpus: texts, numbers and bodies that have broken services before.</summary>
public static class Hostile
{
    /// <summary>Right-to-left override: "evil" reads backwards on screen.</summary>
    public const string RightToLeft = "\u202Eevil\u202C \u200F\u05E9\u05DC\u05D5\u05DD";

    /// <summary>A family emoji: four code points held together by zero-width joiners, and a zero-width space.</summary>
    public const string ZeroWidthJoined = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200B";

    /// <summary>The first half of a surrogate pair with no second half, as JSON writes it.</summary>
    public const string HalfSurrogateJson = "\\ud83d";

    /// <summary>The same, percent-encoded the way a form carries it (CESU-8 of U+D83D: never valid UTF-8).</summary>
    public const string HalfSurrogateForm = "%ED%A0%BD";

    /// <summary>One letter under 10,000 combining accents: short to look at, long to store.</summary>
    public static readonly string CombiningMarks = "a" + new string('\u0301', 10_000);

    public const string HugeInteger = "99999999999999999999999999999";

    public const string HugeExponent = "1e999999";

    /// <summary>JSON nested far deeper than any parser's limit.</summary>
    public static readonly string DeepJson = new string('[', 10_000) + new string(']', 10_000);

    /// <summary>Bytes that are not UTF-8 at all.</summary>
    public static readonly byte[] NotUtf8 = [0xFF, 0xFE, 0x7B, 0xC3, 0x28, 0xA0, 0xA1, 0x7D];

    /// <summary>Seeded, so a failure can be reproduced.</summary>
    public static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(12).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A JSON body over the service's 1 MB limit for JSON calls.</summary>
    public static readonly string OversizedJson = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

    /// <summary>What is wrong with a JSON body, whatever endpoint takes it.</summary>
    public static IEnumerable<(string Label, HttpContent Content)> BrokenJson()
    {
        yield return ("empty body", Json(""));
        yield return ("unclosed object", Json("{"));
        yield return ("value missing", Json("{\"name\":}"));
        yield return ("null", Json("null"));
        yield return ("array instead of object", Json("[]"));
        yield return ("string instead of object", Json("\"text\""));
        yield return ("10,000 levels deep", Json(DeepJson));
        yield return ("not UTF-8", new ByteArrayContent(NotUtf8) { Headers = { ContentType = new("application/json") } });
        yield return ("not JSON at all", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        yield return ("over 1 MB", Json(OversizedJson));
        yield return ("huge exponent", Json("{\"name\":" + HugeExponent + "}"));
    }

    public static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    public static HttpContent Csv(string text) => new StringContent(text, Encoding.UTF8, "text/csv");
}
