using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Internal;

namespace Ftp;

// Cancelling a transfer the RFC 959 way (4.1.3, ABOR): Telnet IP and Synch, then ABOR. Servers
// then send the transfer's reply (usually 426) and the ABOR's (226, or 225 when the transfer had
// already ended) - except Pure-FTPd, which swallows an ABOR that arrives during a transfer and
// answers nothing. A NOOP after the ABOR marks where the replies end: its 200 is the last one.
public sealed partial class FtpConnection
{
    private const byte TelnetIac = 255;
    private const byte TelnetInterruptProcess = 244;
    private const byte TelnetDataMark = 242;

    // The transfer's 1xx/final replies, the ABOR's, then the NOOP's: more means the stream is not understood.
    private const int MaxRepliesAfterAbort = 8;

    /// <summary>
    /// True when ABOR was sent and both replies were read: the reply stream is in step again.
    /// <paramref name="pendingReply"/>: the read of the transfer's first reply, when the transfer was
    /// cancelled before it came (it is the first of the replies counted).
    /// </summary>
    private async Task<bool> AbortCancelledTransferAsync(Task<FtpReply>? pendingReply = null)
    {
        try
        {
            if (_controlTls is null)
            {
                // IAC IP, then IAC as urgent data (the Synch) and DM, as BSD ftp sends them: servers
                // that read the control connection only on SIGURG (vsftpd) notice the ABOR this way.
                // Inside TLS there is no urgent data: there the closed data connection ends the transfer.
                _control.Send(new[] { TelnetIac, TelnetInterruptProcess, TelnetIac }, 0, 3, SocketFlags.OutOfBand);
                _control.Send(new[] { TelnetDataMark }, 0, 1, SocketFlags.None);
            }

            await WriteLineAsync("ABOR", "ABOR", CancellationToken.None).ConfigureAwait(false);
            await WriteLineAsync("NOOP", "NOOP", CancellationToken.None).ConfigureAwait(false);
            int replies = 0;
            if (pendingReply is not null)
            {
                replies++;
                if ((await pendingReply.ConfigureAwait(false)).Code == 200)
                {
                    return true;
                }
            }

            for (; replies < MaxRepliesAfterAbort; replies++)
            {
                if ((await ReadReplyAsync(CancellationToken.None).ConfigureAwait(false)).Code == 200)
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception e) when (e is TimeoutException or FtpException or IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The sync twin of the ABOR sequence: Telnet IP and Synch outside TLS, ABOR, NOOP.</summary>
    private void SendAbortLines()
    {
        if (_controlTls is null)
        {
            _control.Send(new[] { TelnetIac, TelnetInterruptProcess, TelnetIac }, 0, 3, SocketFlags.OutOfBand);
            _control.Send(new[] { TelnetDataMark }, 0, 1, SocketFlags.None);
        }

        WriteLine("ABOR", "ABOR");
        WriteLine("NOOP", "NOOP");
    }

    /// <summary>
    /// Ends a cancelled sync transfer: ABOR unless already sent, then the replies up to the NOOP's
    /// 200 (<paramref name="first"/>, already read, counts as one). The exception to throw:
    /// cancellation with the connection usable, or, when the replies do not add up, the closed connection's.
    /// </summary>
    private Exception FinishSyncAbort(string verb, SyncCancellation cancel, FtpReply? first, Exception? cause)
    {
        var cancelled = new OperationCanceledException(cancel.Token);
        try
        {
            if (!cancel.AbortSent)
            {
                SendAbortLines();
            }
            else if (cancel.AbortFailure is { } failure)
            {
                return Fail(failure);
            }

            int replies = 0;
            if (first is not null)
            {
                replies++;
                if (first.Code == 200)
                {
                    return Done();
                }
            }

            for (; replies < MaxRepliesAfterAbort; replies++)
            {
                if (ReadReply().Code == 200)
                {
                    return Done();
                }
            }

            return Fail(cancelled);
        }
        catch (Exception e) when (e is TimeoutException or FtpException or IOException or SocketException or ObjectDisposedException)
        {
            return Fail(e);
        }

        Exception Done() => new OperationCanceledException(
            $"{verb} was cancelled{(first is null ? "" : " before the server's 1xx reply")}: the client sent ABOR and read the server's replies; the connection is still usable.",
            cause ?? cancelled,
            cancel.Token);
    }

    /// <summary>
    /// A sync transfer's cancellation token: cancelling closes the data connection (which ends a
    /// blocking read or write of it) and, while the client waits for the transfer's first reply,
    /// sends ABOR from the cancelling thread, so the server's replies end that wait.
    /// </summary>
    private sealed class SyncCancellation : IDisposable
    {
        private readonly FtpConnection _owner;
        private readonly object _gate = new();
        private readonly CancellationTokenRegistration _registration;
        private IDisposable? _data;
        private bool _awaitingFirstReply;

        public SyncCancellation(FtpConnection owner, CancellationToken token)
        {
            _owner = owner;
            Token = token;
            _registration = token.Register(state => ((SyncCancellation)state!).OnCancel(), this);
        }

        public CancellationToken Token { get; }

        public bool Cancelled { get; private set; }

        /// <summary>True once ABOR went out from the cancelling thread.</summary>
        public bool AbortSent { get; private set; }

        /// <summary>What sending ABOR from the cancelling thread failed with, if it did.</summary>
        public Exception? AbortFailure { get; private set; }

        /// <summary>The data socket or the active-mode listener a cancellation closes.</summary>
        public void Watch(IDisposable? data)
        {
            lock (_gate)
            {
                _data = data;
                if (Cancelled)
                {
                    data?.Dispose();
                }
            }
        }

        public void AwaitingFirstReply(bool waiting)
        {
            lock (_gate)
            {
                _awaitingFirstReply = waiting;
                if (waiting && Cancelled && !AbortSent)
                {
                    SendAbort();
                }
            }
        }

        private void OnCancel()
        {
            lock (_gate)
            {
                Cancelled = true;
                _data?.Dispose();
                if (_awaitingFirstReply && !AbortSent)
                {
                    SendAbort();
                }
            }
        }

        private void SendAbort()
        {
            AbortSent = true;
            try
            {
                _owner.SendAbortLines();
            }
            catch (Exception e) when (e is TimeoutException or FtpException or IOException or SocketException or ObjectDisposedException)
            {
                AbortFailure = e;
            }
        }

        // Waits for a running callback: nothing is sent after the transfer ended.
        public void Dispose() => _registration.Dispose();
    }
}
