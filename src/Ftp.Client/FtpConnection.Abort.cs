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
}
