using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Evacuation.Host.Tests;

/// <summary>
/// A TCP relay between a service node and the shared PostgreSQL server that a test can <see cref="Cut"/>: every open
/// connection is closed and new ones are refused at once, as when the database's machine drops off the network,
/// without stopping the server other tests use. <see cref="Restore"/> lets connections through again.
/// </summary>
public sealed class DatabaseLine : IAsyncDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly string upstreamHost;
    readonly int upstreamPort;
    readonly ConcurrentDictionary<Socket, byte> open = new();
    readonly CancellationTokenSource stop = new();
    readonly Task accepting;
    volatile bool cut;

    DatabaseLine(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        upstreamHost = builder.Host!;
        upstreamPort = builder.Port;
        listener.Start();
        var relayed = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = ((IPEndPoint)listener.LocalEndpoint).Port };
        ConnectionString = relayed.ConnectionString;
        accepting = AcceptAsync();
    }

    /// <summary>The database's connection string, through this line.</summary>
    public string ConnectionString { get; }

    public static DatabaseLine To(string connectionString) => new(connectionString);

    public void Cut()
    {
        cut = true;
        foreach (var socket in open.Keys)
        {
            Close(socket);
        }
    }

    public void Restore() => cut = false;

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (cut)
            {
                Close(client);
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        open[client] = 0;
        open[server] = 0;
        try
        {
            if (cut)
            {
                return; // cut between this connection's accept and here: Cut() did not see it in `open`
            }
            await server.ConnectAsync(upstreamHost, upstreamPort, stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut, or the line is being disposed.
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, stop.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The other side went away or the line was cut.
        }
    }

    void Close(Socket socket)
    {
        open.TryRemove(socket, out _);
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        Cut();
        await accepting;
        stop.Dispose();
    }
}
