using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PosaX.Tests.Faults;

/// <summary>
/// A loopback TCP relay between the app and PostgreSQL that can lose one answer: armed with a
/// piece of SQL, it lets the statement containing it reach the server, and when the server's reply
/// comes back it cuts both connections instead of relaying it. The server did the work (for
/// <c>COMMIT</c>, the transaction is durable); the app only sees a broken connection — what a
/// database crash or a network cut at the worst moment looks like from the app's side.
/// </summary>
public sealed class LossyPostgresProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private string? _trigger;
    private int _cuts;

    public LossyPostgresProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many replies were lost so far.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>The next statement containing <paramref name="sql"/> runs, and its reply is lost (once); null disarms.</summary>
    public void LoseTheReplyTo(string? sql) => Volatile.Write(ref _trigger, sql);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return;
        }
        var app = client.GetStream();
        var server = upstream.GetStream();
        var loseNextReply = 0;

        async Task AppToServerAsync()
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await app.ReadAsync(buffer, _stop.Token)) > 0)
            {
                var trigger = Volatile.Read(ref _trigger);
                if (trigger is not null && Encoding.Latin1.GetString(buffer, 0, read).Contains(trigger, StringComparison.Ordinal)
                    && Interlocked.CompareExchange(ref _trigger, null, trigger) == trigger)
                    Volatile.Write(ref loseNextReply, 1);
                await server.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }

        async Task ServerToAppAsync()
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await server.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (Volatile.Read(ref loseNextReply) == 1)
                {
                    Interlocked.Increment(ref _cuts);
                    client.Client.LingerState = new LingerOption(true, 0); // a reset, as a crash would give
                    client.Close();
                    upstream.Close();
                    return;
                }
                await app.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }

        var toServer = AppToServerAsync();
        var toApp = ServerToAppAsync();
        await Task.WhenAny(toServer, toApp);
        // One side went away: the other goes with it.
        client.Close();
        upstream.Close();
        try
        {
            await Task.WhenAll(toServer, toApp);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
