using System.Net.Sockets;

namespace Evacuation.Host.Tests;

/// <summary>
/// Passes requests on, except the numbered ones (0-based, in arrival order), which fail as a closed port does:
/// <see cref="HttpRequestException"/> with a refused socket inside, the way SocketsHttpHandler reports it.
/// </summary>
public sealed class RefusingHandler(IReadOnlySet<int> refused) : DelegatingHandler(new HttpClientHandler())
{
    int count = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        refused.Contains(Interlocked.Increment(ref count))
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused))
            : base.SendAsync(request, cancellationToken);
}

/// <summary>Hands out clients over one <see cref="RefusingHandler"/> (whatever the name), as the service's factory would.</summary>
public sealed class RefusingClients(IReadOnlySet<int> refused) : IHttpClientFactory, IDisposable
{
    readonly RefusingHandler handler = new(refused);

    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose() => handler.Dispose();
}
