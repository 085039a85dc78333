using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ftp.Internal;
using Ftp.Internal.Tls;

namespace Ftp;

// The synchronous engine behind the command surface: blocking socket calls with the socket's own
// timeouts, no async code underneath. FtpConnection.Engine.Async.cs mirrors it step by step.
public sealed partial class FtpConnection
{
    // Stays below the large object heap threshold; one buffer per transfer, never the whole file.
    private const int TransferBufferSize = 64 * 1024;

    private FtpReply Execute(string verb, string? argument)
        => ExecuteLine(verb, FormatCommand(verb, argument));

    private FtpReply ExecuteLine(string verb, string line)
    {
        using Scope scope = Enter(default);
        FtpReply reply = Exchange(verb, line);
        AfterReply(verb, reply);
        if (StartsTls(verb, line, reply))
        {
            StartControlTls();
        }

        TrackSessionState(verb, line, reply);
        if (NeedsDataProtection(verb, reply))
        {
            ProtectData();
        }

        return reply;
    }

    private FtpReply EnterPassive(string verb) => EnterPassiveLine(verb, verb);

    private FtpReply EnterPassiveLine(string verb, string line)
    {
        using Scope scope = Enter(default);
        Disarm();
        FtpReply reply = Exchange(verb, line);
        ArmPassive(verb, reply);
        return reply;
    }

    private FtpReply EnterActive(string verb, IPEndPoint localEndPoint)
    {
        CheckActiveEndPoint(verb, localEndPoint);
        using Scope scope = Enter(default);
        Disarm();
        Socket? listener = Listen(localEndPoint);
        try
        {
            FtpReply reply = Exchange(verb, verb + " " + ActiveArgument.Format(verb, AdvertisedEndPoint(listener)));
            if (reply.IsPositiveCompletion)
            {
                _armed = new ActiveArming(verb, listener);
                listener = null;
            }

            return reply;
        }
        finally
        {
            listener?.Dispose();
        }
    }

    private FtpReply Receive(string verb, string? path, Stream destination, CancellationToken cancellationToken = default)
    {
        CheckStream(destination, nameof(destination), write: true);
        string line = verb == "RETR" ? FormatCommand(verb, path) : CommandLine.Format(verb, path, nameof(path));
        using Scope scope = Enter(cancellationToken);
        return Transfer(verb, line, TakeArmed(verb, isAsync: false), destination, upload: false, cancellationToken);
    }

    private FtpReply Send(string verb, string? path, Stream source, CancellationToken cancellationToken = default)
    {
        // STOU alone has no path: the server picks the name.
        if (verb != "STOU")
        {
            CheckArgument(path!, nameof(path));
        }

        CheckStream(source, nameof(source), write: false);
        string line = CommandLine.Format(verb, path, nameof(path));
        using Scope scope = Enter(cancellationToken);
        return Transfer(verb, line, TakeArmed(verb, isAsync: false), source, upload: true, cancellationToken);
    }

    private FtpReply Transfer(string verb, string line, DataArming armed, Stream stream, bool upload, CancellationToken cancellationToken)
    {
        Socket? data = null;
        bool sizeKnowable = _binary && !_restPending;
        _restPending = false;
        FtpException? truncated = null;
        FtpReply final;
        using SyncCancellation? cancel = cancellationToken.CanBeCanceled ? new SyncCancellation(this, cancellationToken) : null;
        Exception? aborted = null;
        try
        {
            // Passive: connect before the command, so a server that sends its 1xx only after the
            // accept (Pure-FTPd) is not waited on forever; a failure here leaves nothing half-done.
            if (armed is PassiveArming passive)
            {
                data = OpenPassiveData(passive);
            }

            cancel?.Watch(data ?? (IDisposable)armed);

            // Cancelled before the command went out: nothing to abort, the connection is untouched.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                WriteLine(verb, line);
                cancel?.AwaitingFirstReply(true);
                FtpReply first = ReadReply();
                cancel?.AwaitingFirstReply(false);
                if (cancel is { AbortSent: true })
                {
                    // Cancelled before the 1xx: ABOR is out; this reply is the first of those to read.
                    data?.Dispose();
                    armed.Dispose();
                    throw aborted = FinishSyncAbort(verb, cancel, first, null);
                }

                if (!first.IsPreliminary)
                {
                    return first;
                }

                data ??= SocketOps.Accept(((ActiveArming)armed).Listener, _connectTimeout);
                cancel?.Watch(data);

                // TLS starts after the 1xx, as in curl and ftplib: the server begins its side of
                // the handshake once it has answered the transfer command.
                TlsChannel? tls = StartDataTls(data);
                long received = 0;
                if (upload)
                {
                    Upload(data, tls, stream);
                }
                else
                {
                    received = Download(data, tls, stream);
                }

                // Closing the data connection ends the file of an upload.
                data.Dispose();
                data = null;
                final = ReadFinalReply();
                if (tls is { EndedUncleanly: true })
                {
                    truncated = CheckUncleanEnd(verb, first, final, received, sizeKnowable);
                }
            }
            catch (Exception e) when (cancel is { Cancelled: true } && !ReferenceEquals(e, aborted) && _closedBecause is null)
            {
                // Cancelled while data flowed (or during the data connection's set-up): ABOR, as the async methods do.
                data?.Dispose();
                data = null;
                throw aborted = FinishSyncAbort(verb, cancel, null, e);
            }
            catch (Exception e) when (!ReferenceEquals(e, aborted))
            {
                Exception reported = FailAndReport(e);
                if (ReferenceEquals(reported, e))
                {
                    throw;
                }

                throw reported;
            }
        }
        finally
        {
            data?.Dispose();
            armed.Dispose();
        }

        // Thrown after the final reply was read whole: the connection stays usable.
        return truncated is null ? final : throw truncated;
    }

    private long Download(Socket data, TlsChannel? tls, Stream destination)
    {
        data.ReceiveTimeout = SocketOps.ToSocketTimeout(_readTimeout);
        var buffer = new byte[TransferBufferSize];
        long total = 0;
        int count;
        while ((count = tls?.Read(buffer, 0, buffer.Length) ?? data.Receive(buffer, 0, buffer.Length, SocketFlags.None)) > 0)
        {
            destination.Write(buffer, 0, count);
            total += count;
        }

        return total;
    }

    private void Upload(Socket data, TlsChannel? tls, Stream source)
    {
        data.SendTimeout = SocketOps.ToSocketTimeout(_readTimeout);
        var buffer = new byte[TransferBufferSize];
        int count;
        while ((count = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (tls is null)
            {
                data.Send(buffer, 0, count, SocketFlags.None);
            }
            else
            {
                tls.Write(buffer, 0, count);
            }
        }

        // A TLS upload ends with close_notify, so the server can tell the end of the file from a cut.
        tls?.CloseNotify();
        data.Shutdown(SocketShutdown.Send);
        if (tls is not null)
        {
            DrainUntilClosed(data);
        }
    }

    /// <summary>
    /// Reads what the server still sends (TLS 1.3 session tickets, its close_notify) until it closes:
    /// closing a socket with unread bytes sends a reset, which can make the server drop the end of the upload.
    /// </summary>
    private static void DrainUntilClosed(Socket data)
    {
        var scrap = new byte[4096];
        try
        {
            while (data.Receive(scrap, 0, scrap.Length, SocketFlags.None) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // The server reset instead of closing: the final reply tells whether the file arrived.
        }
    }

    private Socket OpenPassiveData(PassiveArming passive)
    {
        try
        {
            return SocketOps.Connect(passive.EndPoint, _connectTimeout);
        }
        catch (SocketException e)
        {
            throw DataConnectFailed(passive, e);
        }
    }

    private FtpReply ReadGreeting()
    {
        FtpReply greeting;
        try
        {
            greeting = ReadFinalReply();
        }
        catch (Exception e)
        {
            Exception reported = Fail(e);
            if (ReferenceEquals(reported, e))
            {
                throw;
            }

            throw reported;
        }

        return greeting.Code == 220 ? greeting : throw GreetingRefused(greeting);
    }

    private FtpReply Exchange(string verb, string line)
    {
        try
        {
            WriteLine(verb, line);
            return ReadFinalReply();
        }
        catch (Exception e)
        {
            Exception reported = Fail(e);
            if (ReferenceEquals(reported, e))
            {
                throw;
            }

            throw reported;
        }
    }

    private void WriteLine(string verb, string line)
    {
        Log("> " + CommandLine.ForLog(verb, line));
        byte[] bytes = _encoding.GetBytes(line + "\r\n");
        if (_controlTls is { } tls)
        {
            tls.Write(bytes, 0, bytes.Length);
        }
        else
        {
            _control.Send(bytes, 0, bytes.Length, SocketFlags.None);
        }
    }

    private FtpReply ReadFinalReply()
    {
        FtpReply reply = ReadReply();
        for (int preliminary = 1; reply.IsPreliminary; preliminary++)
        {
            if (preliminary > MaxPreliminaryReplies)
            {
                throw TooManyPreliminaryReplies();
            }

            reply = ReadReply();
        }

        return reply;
    }

    private FtpReply ReadReply()
    {
        // The limit is on the whole reply, so a server trickling one byte at a time is cut off too.
        Stopwatch elapsed = Stopwatch.StartNew();
        while (true)
        {
            while (_reader.TryReadLine(out string line))
            {
                Log("< " + line);
                FtpReply? reply = _reader.Add(line);
                if (reply is not null)
                {
                    return reply;
                }
            }

            if (_readTimeout != Timeout.InfiniteTimeSpan)
            {
                TimeSpan remaining = _readTimeout - elapsed.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    throw ReplyTimedOut(null);
                }

                _control.ReceiveTimeout = SocketOps.ToSocketTimeout(remaining);
            }

            ArraySegment<byte> free = _reader.FreeSpace();
            int count;
            try
            {
                count = _controlTls is { } tls
                    ? tls.Read(free.Array!, free.Offset, free.Count)
                    : _control.Receive(free.Array!, free.Offset, free.Count, SocketFlags.None);
            }
            catch (Exception e) when (SocketOps.IsTimeout(e))
            {
                throw ReplyTimedOut(e);
            }

            if (count == 0)
            {
                throw ClosedByServer();
            }

            _reader.Commit(count);
        }
    }
}
