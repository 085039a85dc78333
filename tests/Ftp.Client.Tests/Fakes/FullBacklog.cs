using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace Ftp.Client.Tests.Fakes;

/// <summary>
/// Fills the accept queue of a loopback listener that nobody accepts on (the client's PORT
/// listener, backlog 1): the kernel then drops further SYNs, so a server connecting to it for an
/// active-mode transfer waits (and with it its 1xx reply) until the listener goes away.
/// </summary>
public sealed class FullBacklog : IDisposable
{
    private readonly List<Socket> _sockets = new();

    public FullBacklog(int port)
    {
        var endPoint = new IPEndPoint(IPAddress.Loopback, port);
        for (int i = 0; i < 16; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            _sockets.Add(socket);
            try
            {
                socket.Connect(endPoint);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
            }

            // The kernel answers a SYN on loopback at once unless the queue is full (then it drops
            // it): poll, a plain system call, is not delayed by a busy thread pool.
            if (!socket.Poll(1_000_000, SelectMode.SelectWrite))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The accept queue of port {port} did not fill up.");
    }

    public void Dispose()
    {
        foreach (Socket socket in _sockets)
        {
            socket.Dispose();
        }
    }
}
