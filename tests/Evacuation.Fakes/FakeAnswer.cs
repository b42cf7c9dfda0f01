namespace Evacuation.Fakes;

/// <summary>
/// One scripted answer of a fake provider. A null <see cref="Body"/> means "the provider's normal success answer for
/// this request". <see cref="Gate"/> holds the answer back until the test completes it (a slow provider, no sleeping).
/// </summary>
public sealed record FakeAnswer(int StatusCode, string? Body, string ContentType = "application/json")
{
    public Task? Gate { get; init; }

    /// <summary>The normal answer.</summary>
    public static FakeAnswer Success { get; } = new(200, null);

    public bool IsSuccess => Body is null;

    /// <summary>The same answer, sent only once <paramref name="gate"/> completes.</summary>
    public FakeAnswer After(Task gate) => this with { Gate = gate };

    public static FakeAnswer Html(int statusCode, string title) =>
        new(statusCode, $"<html><head><title>{statusCode} {title}</title></head><body><center><h1>{statusCode} {title}</h1></center><hr><center>nginx</center></body></html>", "text/html");
}
