using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Ftp.Internal;

/// <summary>Socket operations with a time limit, sync (blocking calls) and async.</summary>
internal static class SocketOps
{
    /// <summary>Milliseconds for Socket.ReceiveTimeout/SendTimeout, where 0 means no limit.</summary>
    public static int ToSocketTimeout(TimeSpan timeout)
        => timeout == Timeout.InfiniteTimeSpan ? 0 : (int)Math.Max(1, Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds)));

    /// <summary>Milliseconds for WaitHandle.WaitOne, where -1 means no limit.</summary>
    public static int ToWaitTimeout(TimeSpan timeout)
        => timeout == Timeout.InfiniteTimeSpan ? Timeout.Infinite : ToSocketTimeout(timeout);

    public static Socket Connect(IPEndPoint endPoint, TimeSpan timeout)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            IAsyncResult pending = socket.BeginConnect(endPoint, null, null);
            if (!pending.AsyncWaitHandle.WaitOne(ToWaitTimeout(timeout)))
            {
                throw new TimeoutException($"Connecting to {endPoint} took longer than {timeout.TotalSeconds:0.###} s.");
            }

            socket.EndConnect(pending);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static async Task<Socket> ConnectAsync(IPEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var deadline = new AsyncDeadline(socket, timeout, cancellationToken);
            try
            {
#if NET
                await socket.ConnectAsync(endPoint, deadline.Token).ConfigureAwait(false);
#else
                await socket.ConnectAsync(endPoint).ConfigureAwait(false);
#endif
            }
            catch (Exception e) when (deadline.Expired)
            {
                throw deadline.Translate(e, $"Connecting to {endPoint}");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static Socket Accept(Socket listener, TimeSpan timeout)
    {
        long micro = timeout == Timeout.InfiniteTimeSpan ? -1 : (long)Math.Min(int.MaxValue, Math.Max(1, timeout.TotalMilliseconds * 1000));
        if (!listener.Poll((int)micro, SelectMode.SelectRead))
        {
            throw new TimeoutException($"The server did not open the data connection to {listener.LocalEndPoint} within {timeout.TotalSeconds:0.###} s.");
        }

        Socket socket = listener.Accept();
        socket.NoDelay = true;
        return socket;
    }

    public static async Task<Socket> AcceptAsync(Socket listener, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new AsyncDeadline(listener, timeout, cancellationToken);
        try
        {
#if NET
            Socket socket = await listener.AcceptAsync(deadline.Token).ConfigureAwait(false);
#else
            Socket socket = await listener.AcceptAsync().ConfigureAwait(false);
#endif
            socket.NoDelay = true;
            return socket;
        }
        catch (Exception e) when (deadline.Expired)
        {
            throw deadline.Translate(e, $"Waiting for the server to open the data connection to {SafeLocalEndPoint(listener)}");
        }
    }

    /// <summary>True when a blocking socket call failed because its ReceiveTimeout/SendTimeout ran out.</summary>
    public static bool IsTimeout(Exception exception)
    {
        SocketException? socketException = exception as SocketException ?? (exception as IOException)?.InnerException as SocketException;
        return socketException is { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock };
    }

    /// <summary>True when the exception comes from the socket (not from a caller's stream).</summary>
    public static bool IsSocketFailure(Exception exception)
        => exception is SocketException or ObjectDisposedException || (exception is IOException && exception.InnerException is SocketException);

    private static string SafeLocalEndPoint(Socket socket)
    {
        try
        {
            return socket.LocalEndPoint?.ToString() ?? "?";
        }
        catch (ObjectDisposedException)
        {
            return "?";
        }
    }
}
