using System.Text;

namespace Evacuation.Host.Api;

/// <summary>
/// Reads a request body up to a limit, counted in bytes, whether or not the client sent a Content-Length: the one
/// reader of every body the service reads whole (JSON calls, webhooks). Null when the body is longer (answer 413).
/// </summary>
public static class LimitedBody
{
    public static async Task<byte[]?> ReadBytesAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The body as UTF-8 text; null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadTextAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken) =>
        await ReadBytesAsync(request, maxBytes, cancellationToken) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The answer to a body over the limit.</summary>
    public static IResult TooLarge(long maxBytes) => TypedResults.Problem(
        $"The body is larger than {maxBytes / 1024} KB; shorten it.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
}
