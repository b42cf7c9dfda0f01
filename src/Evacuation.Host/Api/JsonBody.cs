using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Api;

/// <summary>
/// Reads a JSON body ourselves rather than through parameter binding, so a wrong content type is 415 and
/// malformed JSON is a 400 that says where the mistake is.
/// </summary>
public static class JsonBody
{
    /// <summary>Kestrel refuses bigger bodies itself; checked here too so every host (tests included) answers 413.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return (null, Problem.UnsupportedMediaType("application/json"));
        }
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (await LimitedBody.ReadBytesAsync(request, MaxBytes, context.RequestAborted) is not { } body)
        {
            return (null, LimitedBody.TooLarge(MaxBytes));
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, options);
            return value is null ? (null, Problem.BadRequest("The body is empty; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            var line = e.LineNumber is null ? "" : $" (line {e.LineNumber + 1})";
            return (null, Problem.BadRequest($"The body is not valid JSON for this call{where}{line}: {FirstSentence(e.Message)}"));
        }
    }

    /// <summary>As <see cref="ReadAsync{T}"/>, but a request with no body at all reads as <paramref name="empty"/>.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadOptionalAsync<T>(HttpContext context, T empty)
        where T : class =>
        context.Request.ContentLength == 0 || (context.Request.ContentLength is null && string.IsNullOrEmpty(context.Request.ContentType))
            ? (empty, null)
            : await ReadAsync<T>(context);

    static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
