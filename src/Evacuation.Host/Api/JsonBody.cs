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
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(new LimitedStream(buffer, MaxBytes), context.RequestAborted);
            buffer.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, options, context.RequestAborted);
            return value is null ? (null, Problem.BadRequest("The body is empty; send a JSON object.")) : (value, null);
        }
        catch (BodyTooLargeException)
        {
            return (null, TooLarge());
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

    static IResult TooLarge() => TypedResults.Problem(
        $"The body is larger than {MaxBytes / 1024} KB; shorten the text.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");

    sealed class BodyTooLargeException : Exception;

    /// <summary>A write-only stream that refuses to grow past a limit (for chunked bodies with no Content-Length).</summary>
    sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (inner.Length + count > limit)
            {
                throw new BodyTooLargeException();
            }
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (inner.Length + buffer.Length > limit)
            {
                throw new BodyTooLargeException();
            }
            return inner.WriteAsync(buffer, cancellationToken);
        }
    }

    static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
