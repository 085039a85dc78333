using System;
using System.IO;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Org.BouncyCastle.Tls;

namespace Ftp.Internal.Tls;

/// <summary>
/// TLS over one socket (the control connection or a data connection), in BouncyCastle's blocking
/// mode. The socket stays the caller's: closing the TLS session (close_notify) leaves it open,
/// which CCC needs, and its timeouts and AsyncDeadline's close still bound every call.
/// </summary>
internal sealed class TlsChannel
{
    private readonly FtpTlsClientProtocol _protocol;
    private readonly FtpTlsClient _client;
    private bool _closed;

    private TlsChannel(FtpTlsClientProtocol protocol, FtpTlsClient client)
    {
        _protocol = protocol;
        _client = client;
    }

    /// <summary>
    /// What a data connection resumes: the TLS 1.2 session, or the newest TLS 1.3 ticket. Taken at
    /// each transfer: TLS 1.3 tickets come after the handshake, read with the replies that follow it.
    /// </summary>
    public TlsResumption? Resumption
        => _client.Version is { } version ? new TlsResumption(version, _client.Session, _protocol.LatestTicket, _protocol.NoTicketReason) : null;

    /// <summary>True when the handshake resumed the session it offered.</summary>
    public bool Resumed => _client.Resumed;

    /// <summary>"TLS 1.2" or "TLS 1.3".</summary>
    public string Version => _client.Version?.ToString() ?? "TLS";

    /// <summary>True once the peer closed the connection without a close_notify (a possible truncation).</summary>
    public bool EndedUncleanly { get; private set; }

    /// <summary>
    /// Runs the client handshake on <paramref name="socket"/>; the socket's ReceiveTimeout and
    /// SendTimeout bound it. Throws <see cref="AuthenticationException"/> when the handshake fails,
    /// including a refused server certificate.
    /// </summary>
    public static TlsChannel Handshake(Socket socket, TlsSettings settings, TlsResumption? resume, string what, bool bufferInput = false)
    {
        var client = new FtpTlsClient(settings, resume);
        var network = new NetworkStream(socket, ownsSocket: false);

        // BouncyCastle reads each record in two small reads (header, body); a buffer saves those
        // system calls on data connections. Not on the control connection: after CCC the bytes
        // that follow the TLS session are plain text a read-ahead buffer would swallow.
        var protocol = bufferInput
            ? new FtpTlsClientProtocol(new BufferedStream(network, 64 * 1024), network)
            : new FtpTlsClientProtocol(network);
        try
        {
            protocol.Connect(client);
            return new TlsChannel(protocol, client);
        }
        catch (Exception e) when (e is TlsException or IOException && !SocketOps.IsTimeout(e) && !SocketOps.IsSocketFailure(e))
        {
            string reason = client.CertificateRejected
                ? "the server's certificate was not accepted (it does not chain to a trusted root or does not name the host, and no ServerCertificateValidation callback accepted it)"
                : e.Message;
            throw new AuthenticationException($"The TLS handshake of the {what} failed: {reason}.", e);
        }
    }

    /// <summary>The handshake on a thread-pool thread (BouncyCastle's blocking mode has no async calls); the deadline closes the socket to stop it.</summary>
    public static async Task<TlsChannel> HandshakeAsync(Socket socket, TlsSettings settings, TlsResumption? resume, string what, TimeSpan timeout, CancellationToken cancellationToken, bool bufferInput = false)
    {
        using var deadline = new AsyncDeadline(socket, timeout, cancellationToken);
        try
        {
            return await Task.Run(() => Handshake(socket, settings, resume, what, bufferInput), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (deadline.Expired)
        {
            throw deadline.Translate(e, $"The TLS handshake of the {what}");
        }
    }

    /// <summary>Reads decrypted bytes; 0 at the end, clean (close_notify) or not (<see cref="EndedUncleanly"/>).</summary>
    public int Read(byte[] buffer, int offset, int count)
    {
        if (EndedUncleanly)
        {
            return 0;
        }

        try
        {
            return _protocol.Stream.Read(buffer, offset, count);
        }
        catch (TlsNoCloseNotifyException)
        {
            // curl and ftplib accept this end too (many servers close data connections so); the
            // transfer is then checked against its final reply and the announced size.
            EndedUncleanly = true;
            return 0;
        }
    }

    public Task<int> ReadAsync(byte[] buffer, int offset, int count) => Task.Run(() => Read(buffer, offset, count));

    /// <summary>Reads until <paramref name="buffer"/> is full or the data ends: one thread-pool hop per buffer, not per 16 KiB record.</summary>
    public Task<int> ReadFullAsync(byte[] buffer) => Task.Run(() =>
    {
        int filled = 0;
        int count;
        while (filled < buffer.Length && (count = Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += count;
        }

        return filled;
    });

    public void Write(byte[] buffer, int offset, int count)
    {
        _protocol.Stream.Write(buffer, offset, count);
    }

    public Task WriteAsync(byte[] buffer, int offset, int count) => Task.Run(() => Write(buffer, offset, count));

    /// <summary>Sends close_notify, leaving the socket open. Once only.</summary>
    public void CloseNotify()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _protocol.Close();
    }

    public Task CloseNotifyAsync() => Task.Run(CloseNotify);
}
