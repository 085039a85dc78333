using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace FtpAnalyzers.ConformanceTests;

/// <summary>
/// An FTP(S) proxy on 127.0.0.1 (a free port) in front of a test server on 127.0.0.1 that records
/// every byte crossing its client side: what an observer on the wire sees. The control connection
/// is relayed line by line; after an accepted AUTH TLS it terminates TLS towards the client (with
/// the test server's own certificate, which the client trusts) and opens TLS to the server, so that
/// it can still point the PASV/EPSV replies at data relays of its own. Data connections are relayed
/// byte for byte (a TLS data connection stays end to end: the proxy sees only ciphertext).
/// What it records is what went over the proxy's sockets on the client side, before any decryption.
/// </summary>
internal sealed partial class RecordingFtpsProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly X509Certificate2 _certificate;
    private readonly MemoryStream _wire = new();
    private readonly List<Task> _relays = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private bool _disposed;

    public RecordingFtpsProxy(int serverPort, X509Certificate2 certificate)
    {
        _serverPort = serverPort;
        _certificate = certificate;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Host => "127.0.0.1";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every byte seen on the client side of the proxy, both directions, as Latin-1 text.</summary>
    public string Wire
    {
        get
        {
            lock (_wire)
                return Encoding.Latin1.GetString(_wire.ToArray());
        }
    }

    private void Record(byte[] buffer, int offset, int count)
    {
        lock (_wire)
            _wire.Write(buffer, offset, count);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_relays)
                    _relays.Add(Task.Run(() => RelayControlAsync(client)));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task RelayControlAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _serverPort);
                var control = new ControlRelay(this, new RecordingStream(client.GetStream(), this), server.GetStream());
                await control.RunAsync();
            }
            catch (Exception e) when (e is IOException or SocketException or AuthenticationException or ObjectDisposedException or InvalidOperationException)
            {
                // The client or the server ended the session: nothing more to relay.
            }
        }
    }

    /// <summary>Listens for one data connection from the client and relays it to the server's data port.</summary>
    private async Task<int> StartDataRelayAsync(int serverDataPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var relay = Task.Run(async () =>
        {
            try
            {
                using var accept = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                accept.CancelAfter(TimeSpan.FromSeconds(20));
                using var client = await listener.AcceptTcpClientAsync(accept.Token);
                using var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, serverDataPort);
                var clientStream = new RecordingStream(client.GetStream(), this);
                var serverStream = server.GetStream();
                await Task.WhenAll(
                    PumpAsync(clientStream, serverStream, server.Client),
                    PumpAsync(serverStream, clientStream, client.Client));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
            finally
            {
                listener.Stop();
            }
        });
        lock (_relays)
            _relays.Add(relay);
        await Task.Yield();
        return port;
    }

    /// <summary>Copies until end of stream, then half-closes the other side (so that the last bytes and the EOF arrive).</summary>
    private static async Task PumpAsync(Stream from, Stream to, Socket toSocket)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
                await to.WriteAsync(buffer.AsMemory(0, read));
        }
        finally
        {
            try
            {
                toSocket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Stops listening and waits (up to 5 s) for the relays to end; may be called again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        Task[] relays;
        lock (_relays)
            relays = _relays.ToArray();
        await Task.WhenAny(Task.WhenAll(relays), Task.Delay(TimeSpan.FromSeconds(5)));
        _stop.Dispose();
    }

    // 227 Entering Passive Mode (h1,h2,h3,h4,p1,p2) and 229 Entering Extended Passive Mode (|||port|).
    [GeneratedRegex(@"^227 .*?(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)")]
    private static partial Regex PasvReply();

    [GeneratedRegex(@"^229 .*\(\|\|\|(\d+)\|\)")]
    private static partial Regex EpsvReply();

    /// <summary>The control connection: client lines to the server, server lines back (PASV/EPSV rewritten), TLS after 234.</summary>
    private sealed class ControlRelay(RecordingFtpsProxy proxy, Stream clientWire, Stream serverWire)
    {
        private Stream _client = clientWire;
        private Stream _server = serverWire;
        private TaskCompletionSource<bool>? _authReply;

        public async Task RunAsync()
        {
            var fromServer = ServerToClientAsync();
            var fromClient = ClientToServerAsync();
            await Task.WhenAny(fromServer, fromClient);
        }

        private async Task ClientToServerAsync()
        {
            while (await ReadLineAsync(_client) is { } line)
            {
                var isAuth = line.StartsWith("AUTH ", StringComparison.OrdinalIgnoreCase);
                if (isAuth)
                    _authReply = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                await WriteLineAsync(_server, line);
                // After AUTH, the next bytes may be the client's TLS handshake: read nothing until the reply is relayed.
                if (isAuth && !await _authReply!.Task)
                    _authReply = null;
            }

            _server.Close();
        }

        private async Task ServerToClientAsync()
        {
            while (await ReadLineAsync(_server) is { } line)
            {
                var isFinal = line.Length >= 4 && line[3] == ' ';
                if (PasvReply().Match(line) is { Success: true } pasv)
                {
                    var port = await proxy.StartDataRelayAsync(int.Parse(pasv.Groups[5].Value, CultureInfo.InvariantCulture) * 256 + int.Parse(pasv.Groups[6].Value, CultureInfo.InvariantCulture));
                    line = $"227 Entering Passive Mode (127,0,0,1,{port / 256},{port % 256}).";
                }
                else if (EpsvReply().Match(line) is { Success: true } epsv)
                {
                    var port = await proxy.StartDataRelayAsync(int.Parse(epsv.Groups[1].Value, CultureInfo.InvariantCulture));
                    line = $"229 Entering Extended Passive Mode (|||{port}|)";
                }

                await WriteLineAsync(_client, line);
                if (isFinal && _authReply is { } authReply)
                {
                    if (line.StartsWith("234", StringComparison.Ordinal))
                    {
                        await StartTlsAsync();
                        authReply.TrySetResult(true);
                    }
                    else
                    {
                        authReply.TrySetResult(false);
                    }
                }
            }

            _client.Close();
        }

        private async Task StartTlsAsync()
        {
            var toServer = new SslStream(_server, leaveInnerStreamOpen: false, (_, _, _, _) => true);
            var toClient = new SslStream(_client, leaveInnerStreamOpen: false);
            await Task.WhenAll(
                toServer.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1", EnabledSslProtocols = SslProtocols.Tls12 }),
                toClient.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = proxy._certificate, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }));
            _server = toServer;
            _client = toClient;
        }

        /// <summary>One line without its CRLF, read byte by byte (nothing after it is consumed), or null at the end.</summary>
        private static async Task<string?> ReadLineAsync(Stream stream)
        {
            var bytes = new List<byte>();
            var one = new byte[1];
            while (true)
            {
                if (await stream.ReadAsync(one) == 0)
                    return bytes.Count > 0 ? Encoding.Latin1.GetString(bytes.ToArray()) : null;
                if (one[0] == '\n')
                    return Encoding.Latin1.GetString(bytes.ToArray()).TrimEnd('\r');
                bytes.Add(one[0]);
            }
        }

        private static async Task WriteLineAsync(Stream stream, string line)
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(line + "\r\n"));
            await stream.FlushAsync();
        }
    }

    /// <summary>A client-side socket stream that records the bytes read from and written to it.</summary>
    private sealed class RecordingStream(Stream inner, RecordingFtpsProxy proxy) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            proxy.Record(buffer, offset, read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            proxy.Record(buffer.Slice(0, read).ToArray(), 0, read);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            proxy.Record(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            proxy.Record(buffer.ToArray(), 0, buffer.Length);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
