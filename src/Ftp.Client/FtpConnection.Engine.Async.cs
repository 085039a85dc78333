using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Internal;
using Ftp.Internal.Tls;

namespace Ftp;

// The asynchronous engine: the same steps as FtpConnection.Engine.cs with async socket calls.
// Time limits and cancellation close the socket (AsyncDeadline), which is what interrupts a
// pending call on netstandard2.0 too.
public sealed partial class FtpConnection
{
    private Task<FtpReply> ExecuteAsync(string verb, string? argument, CancellationToken cancellationToken)
        => ExecuteLineAsync(verb, FormatCommand(verb, argument), cancellationToken);

    private async Task<FtpReply> ExecuteLineAsync(string verb, string line, CancellationToken cancellationToken)
    {
        using Scope scope = Enter(cancellationToken);
        FtpReply reply = await ExchangeAsync(verb, line, cancellationToken).ConfigureAwait(false);
        AfterReply(verb, reply);
        if (StartsTls(verb, line, reply))
        {
            await StartControlTlsAsync(cancellationToken).ConfigureAwait(false);
        }

        TrackSessionState(verb, line, reply);
        if (NeedsDataProtection(verb, reply))
        {
            await ProtectDataAsync(cancellationToken).ConfigureAwait(false);
        }

        return reply;
    }

    private Task<FtpReply> EnterPassiveAsync(string verb, CancellationToken cancellationToken)
        => EnterPassiveLineAsync(verb, verb, cancellationToken);

    private async Task<FtpReply> EnterPassiveLineAsync(string verb, string line, CancellationToken cancellationToken)
    {
        using Scope scope = Enter(cancellationToken);
        Disarm();
        FtpReply reply = await ExchangeAsync(verb, line, cancellationToken).ConfigureAwait(false);
        ArmPassive(verb, reply);
        return reply;
    }

    private async Task<FtpReply> EnterActiveAsync(string verb, IPEndPoint localEndPoint, CancellationToken cancellationToken)
    {
        CheckActiveEndPoint(verb, localEndPoint);
        using Scope scope = Enter(cancellationToken);
        Disarm();
        Socket? listener = Listen(localEndPoint);
        try
        {
            string line = verb + " " + ActiveArgument.Format(verb, AdvertisedEndPoint(listener));
            FtpReply reply = await ExchangeAsync(verb, line, cancellationToken).ConfigureAwait(false);
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

    private async Task<FtpReply> ReceiveAsync(string verb, string? path, Stream destination, CancellationToken cancellationToken)
    {
        CheckStream(destination, nameof(destination), write: true);
        string line = verb == "RETR" ? FormatCommand(verb, path) : CommandLine.Format(verb, path, nameof(path));
        using Scope scope = Enter(cancellationToken);
        return await TransferAsync(verb, line, TakeArmed(verb, isAsync: true), destination, upload: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FtpReply> SendAsync(string verb, string? path, Stream source, CancellationToken cancellationToken)
    {
        if (verb != "STOU")
        {
            CheckArgument(path!, nameof(path));
        }

        CheckStream(source, nameof(source), write: false);
        string line = CommandLine.Format(verb, path, nameof(path));
        using Scope scope = Enter(cancellationToken);
        return await TransferAsync(verb, line, TakeArmed(verb, isAsync: true), source, upload: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FtpReply> TransferAsync(string verb, string line, DataArming armed, Stream stream, bool upload, CancellationToken cancellationToken)
    {
        Socket? data = null;
        bool sizeKnowable = _binary && !_restPending;
        _restPending = false;
        FtpException? truncated = null;
        FtpReply final;
        bool dataPhase = false;
        OperationCanceledException? abortedEarly = null;
        try
        {
            if (armed is PassiveArming passive)
            {
                data = await OpenPassiveDataAsync(passive, cancellationToken).ConfigureAwait(false);
            }

            // Cancelled before the command went out: nothing to abort, the connection is untouched.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await WriteLineAsync(verb, line, CancellationToken.None).ConfigureAwait(false);

                // Until the 1xx the caller's token does not close the control connection: cancelling
                // sends ABOR, as it does once data flows.
                Task<FtpReply> firstRead = ReadReplyAsync(CancellationToken.None);
                if (cancellationToken.CanBeCanceled && !await CompletesBeforeCancelAsync(firstRead, cancellationToken).ConfigureAwait(false))
                {
                    data?.Dispose();
                    data = null;
                    armed.Dispose();
                    var cancelled = new OperationCanceledException(cancellationToken);
                    if (await AbortCancelledTransferAsync(firstRead).ConfigureAwait(false))
                    {
                        throw abortedEarly = new OperationCanceledException($"{verb} was cancelled before the server's 1xx reply: the client sent ABOR and read the server's replies; the connection is still usable.", cancelled, cancellationToken);
                    }

                    throw Fail(cancelled);
                }

                FtpReply first = await firstRead.ConfigureAwait(false);
                if (!first.IsPreliminary)
                {
                    return first;
                }

                dataPhase = true;
                data ??= await SocketOps.AcceptAsync(((ActiveArming)armed).Listener, _connectTimeout, cancellationToken).ConfigureAwait(false);
                TlsChannel? tls = await StartDataTlsAsync(data, cancellationToken).ConfigureAwait(false);
                long received = 0;
                if (upload)
                {
                    await UploadAsync(data, tls, stream, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    received = await DownloadAsync(data, tls, stream, cancellationToken).ConfigureAwait(false);
                }

                data.Dispose();
                data = null;
                final = await ReadFinalReplyAsync(cancellationToken).ConfigureAwait(false);
                if (tls is { EndedUncleanly: true })
                {
                    truncated = CheckUncleanEnd(verb, first, final, received, sizeKnowable);
                }
            }
            catch (OperationCanceledException e) when (dataPhase && cancellationToken.IsCancellationRequested && _closedBecause is null)
            {
                // Cancelled while data flowed: end the transfer with ABOR rather than the connection.
                data?.Dispose();
                data = null;
                if (await AbortCancelledTransferAsync().ConfigureAwait(false))
                {
                    throw new OperationCanceledException($"{verb} was cancelled: the client sent ABOR and read the server's replies; the connection is still usable.", e, cancellationToken);
                }

                throw Fail(e);
            }
            catch (Exception e) when (!ReferenceEquals(e, abortedEarly))
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

        return truncated is null ? final : throw truncated;
    }

    /// <summary>True when <paramref name="task"/> ends first; false when the token is cancelled first (the task goes on).</summary>
    private static async Task<bool> CompletesBeforeCancelAsync(Task task, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            return await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) == task;
        }
    }

    private async Task<long> DownloadAsync(Socket data, TlsChannel? tls, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[TransferBufferSize];
        long total = 0;
        using var deadline = new AsyncDeadline(data, _readTimeout, cancellationToken);
        try
        {
            while (true)
            {
                deadline.Restart();
                int count;
                if (tls is not null)
                {
                    count = await tls.ReadFullAsync(buffer).ConfigureAwait(false);
                }
                else
                {
#if NET
                    count = await data.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, deadline.Token).ConfigureAwait(false);
#else
                    count = await data.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None).ConfigureAwait(false);
#endif
                }

                // The limit is on the server's silence, not on a slow destination.
                deadline.Pause();
                if (count == 0)
                {
                    return total;
                }

                await destination.WriteAsync(buffer, 0, count, cancellationToken).ConfigureAwait(false);
                total += count;
            }
        }
        catch (Exception e) when (deadline.Expired)
        {
            throw deadline.Translate(e, "Receiving the data of the transfer");
        }
    }

    private async Task UploadAsync(Socket data, TlsChannel? tls, Stream source, CancellationToken cancellationToken)
    {
        var buffer = new byte[TransferBufferSize];
        using var deadline = new AsyncDeadline(data, _readTimeout, cancellationToken);
        deadline.Pause();
        try
        {
            int count;
            while ((count = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                deadline.Restart();
                if (tls is null)
                {
                    await SendAllAsync(data, buffer, count, deadline.Token).ConfigureAwait(false);
                }
                else
                {
                    await tls.WriteAsync(buffer, 0, count).ConfigureAwait(false);
                }

                deadline.Pause();
            }

            deadline.Restart();
            if (tls is not null)
            {
                await tls.CloseNotifyAsync().ConfigureAwait(false);
            }

            data.Shutdown(SocketShutdown.Send);
            if (tls is not null)
            {
                // As in the sync Upload: unread bytes at close would reset the connection.
                await Task.Run(() => DrainUntilClosed(data), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (deadline.Expired)
        {
            throw deadline.Translate(e, "Sending the data of the transfer");
        }
    }

    private async Task<Socket> OpenPassiveDataAsync(PassiveArming passive, CancellationToken cancellationToken)
    {
        try
        {
            return await SocketOps.ConnectAsync(passive.EndPoint, _connectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw DataConnectFailed(passive, e);
        }
    }

    private async Task<FtpReply> ReadGreetingAsync(CancellationToken cancellationToken)
    {
        FtpReply greeting;
        try
        {
            greeting = await ReadFinalReplyAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task<FtpReply> ExchangeAsync(string verb, string line, CancellationToken cancellationToken)
    {
        try
        {
            await WriteLineAsync(verb, line, cancellationToken).ConfigureAwait(false);
            return await ReadFinalReplyAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task WriteLineAsync(string verb, string line, CancellationToken cancellationToken)
    {
        Log("> " + CommandLine.ForLog(verb, line));
        byte[] bytes = _encoding.GetBytes(line + "\r\n");
        using var deadline = new AsyncDeadline(_control, _readTimeout, cancellationToken);
        try
        {
            if (_controlTls is { } tls)
            {
                await tls.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            }
            else
            {
                await SendAllAsync(_control, bytes, bytes.Length, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (deadline.Expired)
        {
            throw deadline.Translate(e, "Sending " + verb);
        }
    }

    private static async Task SendAllAsync(Socket socket, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        int sent = 0;
        while (sent < count)
        {
#if NET
            sent += await socket.SendAsync(buffer.AsMemory(sent, count - sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
#else
            sent += await socket.SendAsync(new ArraySegment<byte>(buffer, sent, count - sent), SocketFlags.None).ConfigureAwait(false);
#endif
        }
    }

    private async Task<FtpReply> ReadFinalReplyAsync(CancellationToken cancellationToken)
    {
        FtpReply reply = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        for (int preliminary = 1; reply.IsPreliminary; preliminary++)
        {
            if (preliminary > MaxPreliminaryReplies)
            {
                throw TooManyPreliminaryReplies();
            }

            reply = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        }

        return reply;
    }

    private async Task<FtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        // One deadline for the whole reply, as in the sync ReadReply.
        using var deadline = new AsyncDeadline(_control, _readTimeout, cancellationToken);
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

            ArraySegment<byte> free = _reader.FreeSpace();
            int count;
            try
            {
                if (_controlTls is { } tls)
                {
                    // BouncyCastle reads block on a pool thread; the socket's own limit backs up the deadline.
                    _control.ReceiveTimeout = SocketOps.ToSocketTimeout(_readTimeout);
                    count = await tls.ReadAsync(free.Array!, free.Offset, free.Count).ConfigureAwait(false);
                }
                else
                {
#if NET
                    count = await _control.ReceiveAsync(free.AsMemory(), SocketFlags.None, deadline.Token).ConfigureAwait(false);
#else
                    count = await _control.ReceiveAsync(free, SocketFlags.None).ConfigureAwait(false);
#endif
                }
            }
            catch (Exception e) when (deadline.Expired)
            {
                throw cancellationToken.IsCancellationRequested ? deadline.Translate(e, "Waiting for the server's reply") : ReplyTimedOut(e);
            }

            if (count == 0)
            {
                throw ClosedByServer();
            }

            _reader.Commit(count);
        }
    }
}
