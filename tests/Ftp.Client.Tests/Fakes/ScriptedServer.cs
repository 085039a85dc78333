using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Ftp.Client.Tests.Fakes;

/// <summary>
/// A fake FTP server on 127.0.0.1 and a free port that plays a script against one client: for
/// the malformed and hostile replies no real server sends. The script ends when the client goes
/// away or the server is disposed; everything is bounded by <see cref="ScriptTimeout"/>.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    public static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(20);

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new(ScriptTimeout);
    private readonly Task _run;

    static ScriptedServer()
    {
        // The sync tests block pool threads while the scripts run on the pool too; on a 2-core
        // machine the pool would add threads only slowly and a script could miss the short
        // timeouts below. Enough threads up front keep the scripts prompt.
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(completionPorts, 64));
    }

    private ScriptedServer(Func<ScriptedSession, Task> script)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _run = RunAsync(script);
    }

    public int Port { get; }

    /// <summary>Every command line the client sent, in order.</summary>
    public List<string> Received { get; } = new();

    public static ScriptedServer Start(Func<ScriptedSession, Task> script) => new(script);

    /// <summary>Options with short timeouts, so a test that waits for one ends quickly.</summary>
    public static FtpConnectionOptions ShortTimeouts(Action<string>? log = null) => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(2),
        ReadTimeout = TimeSpan.FromSeconds(1),
        Log = log,
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _run.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The script's own failure is not the test's concern once the client is done.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(Func<ScriptedSession, Task> script)
    {
        using Socket client = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
        using var session = new ScriptedSession(client, Received, _stop.Token);
        await script(session).ConfigureAwait(false);
    }
}

/// <summary>One client's control connection, seen from the fake server.</summary>
internal sealed class ScriptedSession : IDisposable
{
    private readonly Socket _client;
    private Stream _stream;
    private StreamReader _reader;
    private readonly List<string> _received;

    public ScriptedSession(Socket client, List<string> received, CancellationToken stop)
    {
        _client = client;
        _received = received;
        Stop = stop;
        _stream = new NetworkStream(client, ownsSocket: false);
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    public CancellationToken Stop { get; }

    public Task SendAsync(string text) => _stream.WriteAsync(Encoding.UTF8.GetBytes(text), Stop).AsTask();

    /// <summary>Sends "text\r\n".</summary>
    public Task ReplyAsync(string line) => SendAsync(line + "\r\n");

    /// <summary>The next command line from the client; null when it closed the connection.</summary>
    public async Task<string?> ReadCommandAsync()
    {
        string? line = await _reader.ReadLineAsync(Stop).ConfigureAwait(false);
        if (line is not null)
        {
            lock (_received)
            {
                _received.Add(line);
            }
        }

        return line;
    }

    /// <summary>Reads a command and expects its verb.</summary>
    public async Task<string> ExpectAsync(string verb)
    {
        string? line = await ReadCommandAsync().ConfigureAwait(false);
        if (line is null || !line.StartsWith(verb, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected {verb}, got {line ?? "end of connection"}.");
        }

        return line;
    }

    /// <summary>Waits until the client closes the connection (or the script times out).</summary>
    public async Task WaitForCloseAsync()
    {
        try
        {
            while (await ReadCommandAsync().ConfigureAwait(false) is not null)
            {
            }
        }
        catch (IOException)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The server side of a TLS handshake on the control connection (after a 234, or first under implicit TLS).</summary>
    public async Task StartTlsAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        var tls = new System.Net.Security.SslStream(_stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new System.Net.Security.SslServerAuthenticationOptions { ServerCertificate = certificate }, Stop).ConfigureAwait(false);
        _stream = tls;
        _reader = new StreamReader(tls, Encoding.UTF8);
    }

    /// <summary>Closes the control connection abruptly.</summary>
    public void Close() => _client.Close();

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
