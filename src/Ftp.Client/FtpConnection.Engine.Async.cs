using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Internal;

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

    private async Task<FtpReply> SendAsync(string verb, string path, Stream source, CancellationToken cancellationToken)
    {
        CheckArgument(path, nameof(path));
        CheckStream(source, nameof(source), write: false);
        string line = CommandLine.Format(verb, path, nameof(path));
        using Scope scope = Enter(cancellationToken);
        return await TransferAsync(verb, line, TakeArmed(verb, isAsync: true), source, upload: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FtpReply> TransferAsync(string verb, string line, DataArming armed, Stream stream, bool upload, CancellationToken cancellationToken)
    {
        Socket? data = null;
        try
        {
            if (armed is PassiveArming passive)
            {
                data = await OpenPassiveDataAsync(passive, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await WriteLineAsync(verb, line, cancellationToken).ConfigureAwait(false);
                FtpReply first = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
                if (!first.IsPreliminary)
                {
                    return first;
                }

                data ??= await SocketOps.AcceptAsync(((ActiveArming)armed).Listener, _connectTimeout, cancellationToken).ConfigureAwait(false);
                if (upload)
                {
                    await UploadAsync(data, stream, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await DownloadAsync(data, stream, cancellationToken).ConfigureAwait(false);
                }

                data.Dispose();
                data = null;
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
        finally
        {
            data?.Dispose();
            armed.Dispose();
        }
    }

    private async Task DownloadAsync(Socket data, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[TransferBufferSize];
        using var deadline = new AsyncDeadline(data, _readTimeout, cancellationToken);
        try
        {
            while (true)
            {
                deadline.Restart();
#if NET
                int count = await data.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, deadline.Token).ConfigureAwait(false);
#else
                int count = await data.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None).ConfigureAwait(false);
#endif
                // The limit is on the server's silence, not on a slow destination.
                deadline.Pause();
                if (count == 0)
                {
                    return;
                }

                await destination.WriteAsync(buffer, 0, count, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (deadline.Expired)
        {
            throw deadline.Translate(e, "Receiving the data of the transfer");
        }
    }

    private async Task UploadAsync(Socket data, Stream source, CancellationToken cancellationToken)
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
                await SendAllAsync(data, buffer, count, deadline.Token).ConfigureAwait(false);
                deadline.Pause();
            }

            data.Shutdown(SocketShutdown.Send);
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
            await SendAllAsync(_control, bytes, bytes.Length, deadline.Token).ConfigureAwait(false);
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
#if NET
                count = await _control.ReceiveAsync(free.AsMemory(), SocketFlags.None, deadline.Token).ConfigureAwait(false);
#else
                count = await _control.ReceiveAsync(free, SocketFlags.None).ConfigureAwait(false);
#endif
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
