using System;
using System.Net.Sockets;
using System.Threading;

namespace Ftp.Internal;

/// <summary>
/// A time limit and the caller's cancellation for async socket calls. When either fires the
/// socket is closed: that is what aborts a pending call on every target framework (on
/// netstandard2.0 the socket calls take no token), and the connection cannot be trusted after
/// an interrupted read or write anyway.
/// </summary>
internal sealed class AsyncDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _abort;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _timeout;

    public AsyncDeadline(Socket socket, TimeSpan timeout, CancellationToken caller)
    {
        _caller = caller;
        _timeout = timeout;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        Restart();
        _abort = _source.Token.Register(state => ((Socket)state!).Dispose(), socket);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True once the time ran out or the caller cancelled.</summary>
    public bool Expired => _source.IsCancellationRequested;

    /// <summary>Starts the time limit again (before each read of a transfer: the limit is on silence).</summary>
    public void Restart()
    {
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            _source.CancelAfter(_timeout);
        }
    }

    /// <summary>Stops the time limit while the caller's own stream is read or written.</summary>
    public void Pause() => _source.CancelAfter(Timeout.InfiniteTimeSpan);

    /// <summary>The exception to throw for a call that failed because the deadline fired.</summary>
    public Exception Translate(Exception failure, string what)
        => _caller.IsCancellationRequested
            ? new OperationCanceledException($"{what} was cancelled; the connection is closed.", failure, _caller)
            : new TimeoutException($"{what} took longer than {_timeout.TotalSeconds:0.###} s.", failure);

    public void Dispose()
    {
        _abort.Dispose();
        _source.Dispose();
    }
}
