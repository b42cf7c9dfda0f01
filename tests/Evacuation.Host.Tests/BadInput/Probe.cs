namespace Evacuation.Host.Tests.BadInput;

/// <summary>What a probe must get back.</summary>
public enum Expect
{
    /// <summary>A 4xx with a problem detail.</summary>
    Refused,

    /// <summary>Strange but legitimate (a citizen's text in any script, a file whose bad rows are listed): any answer but a 5xx; a 4xx still a problem detail.</summary>
    NoServerError,

    /// <summary>A citizen's page: a 4xx answered by a plain HTML page (not a problem detail) that repeats nothing it was sent.</summary>
    RefusedPage,
}

/// <summary>One hostile request to one endpoint ("METHOD pattern", as in the endpoint-role table).</summary>
public sealed record Probe(string Endpoint, string Label, HttpMethod Method, string Path, Func<HttpContent?> Content, Expect Expect)
{
    /// <summary>Headers besides the content's: a signature, a webhook secret. Without them the probe carries the Admin key.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public override string ToString() => $"{Endpoint} ({Label})";
}
