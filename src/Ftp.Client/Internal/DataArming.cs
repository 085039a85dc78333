using System;
using System.Net;
using System.Net.Sockets;

namespace Ftp.Internal;

/// <summary>What PASV/EPSV/PORT/EPRT prepared for the next transfer; one transfer consumes it.</summary>
internal abstract class DataArming : IDisposable
{
    /// <summary>The verb that armed it, for messages.</summary>
    public abstract string Verb { get; }

    public virtual void Dispose()
    {
    }
}

/// <summary>PASV/EPSV: the server listens; the client connects to <see cref="EndPoint"/>.</summary>
internal sealed class PassiveArming : DataArming
{
    public PassiveArming(string verb, IPEndPoint endPoint)
    {
        Verb = verb;
        EndPoint = endPoint;
    }

    public override string Verb { get; }

    public IPEndPoint EndPoint { get; }
}

/// <summary>PORT/EPRT: the client listens on <see cref="Listener"/>; the server connects to it.</summary>
internal sealed class ActiveArming : DataArming
{
    public ActiveArming(string verb, Socket listener)
    {
        Verb = verb;
        Listener = listener;
    }

    public override string Verb { get; }

    public Socket Listener { get; }

    public override void Dispose() => Listener.Dispose();
}
