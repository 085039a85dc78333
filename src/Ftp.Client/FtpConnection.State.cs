using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ftp.Internal;

namespace Ftp;

// What the sync and async engines share: the connection's state (armed data connection, closed,
// busy), and the exceptions they throw.
public sealed partial class FtpConnection
{
    private Scope Enter(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(FtpConnection));
        }

        if (_closedBecause is not null)
        {
            throw new InvalidOperationException($"The connection is closed: {_closedBecause} Connect again.");
        }

        // Checked before anything is sent: a cancelled token must not cost the connection.
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            throw new InvalidOperationException("Another command is in progress on this connection: an FtpConnection runs one command at a time.");
        }

        return new Scope(this);
    }

    private void AfterReply(string verb, FtpReply reply)
    {
        if (verb == "QUIT" && reply.IsPositiveCompletion)
        {
            Close("QUIT ended the session.");
        }
    }

    /// <summary>Takes the data connection the next transfer uses; throws before anything is sent when there is none.</summary>
    private DataArming TakeArmed(string verb, bool isAsync)
    {
        DataArming? armed = _armed;
        if (armed is null)
        {
            throw new InvalidOperationException(
                $"No data connection is prepared for {verb}: call {CommandLine.MethodName("PASV", isAsync)} or {CommandLine.MethodName("EPSV", isAsync)} " +
                $"(or {CommandLine.MethodName("PORT", isAsync)}/{CommandLine.MethodName("EPRT", isAsync)}) before {CommandLine.MethodName(verb, isAsync)}. " +
                "Each transfer needs its own; nothing was sent to the server.");
        }

        _armed = null;
        return armed;
    }

    private void ArmPassive(string verb, FtpReply reply)
    {
        if (reply.Code != (verb == "PASV" ? 227 : 229))
        {
            return;
        }

        if (!PassiveEndpoint.TryParse(reply.ToString(), out PassiveEndpoint endpoint))
        {
            throw new FtpProtocolException($"The {verb} reply does not carry a valid data endpoint: \"{reply}\". No data connection is prepared.");
        }

        IPAddress address = _passiveAddressPolicy == PassiveAddressPolicy.UseAdvertisedAddress
            && endpoint.AdvertisedAddress is { } advertised
            && !advertised.Equals(IPAddress.Any)
                ? advertised
                : RemoteEndPoint.Address;
        _armed = new PassiveArming(verb, new IPEndPoint(address, endpoint.Port));
    }

    private void Disarm()
    {
        _armed?.Dispose();
        _armed = null;
    }

    private static void CheckActiveEndPoint(string verb, IPEndPoint localEndPoint)
    {
        if (localEndPoint is null)
        {
            throw new ArgumentNullException(nameof(localEndPoint));
        }

        if (verb == "PORT" && localEndPoint.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("PORT carries only IPv4 addresses: call Eprt() for IPv6.", nameof(localEndPoint));
        }
    }

    private static Socket Listen(IPEndPoint localEndPoint)
    {
        var listener = new Socket(localEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(localEndPoint);
            listener.Listen(1);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>The endpoint PORT/EPRT tells the server: the listener's, with the control connection's local address when it listens on any.</summary>
    private IPEndPoint AdvertisedEndPoint(Socket listener)
    {
        var bound = (IPEndPoint)listener.LocalEndPoint!;
        if (bound.Address.Equals(IPAddress.Any) || bound.Address.Equals(IPAddress.IPv6Any))
        {
            return new IPEndPoint(((IPEndPoint)_control.LocalEndPoint!).Address, bound.Port);
        }

        return bound;
    }

    /// <summary>The command line for a verb method; a missing required argument is an ArgumentNullException, not a bare verb.</summary>
    private static string FormatCommand(string verb, string? argument)
    {
        string parameterName = ParameterNameOf(verb);
        if (argument is null && verb is not ("CDUP" or "PWD" or "FEAT" or "SYST" or "STAT" or "NOOP" or "QUIT" or "CCC" or "ABOR" or "REIN" or "HELP" or "MLST"))
        {
            throw new ArgumentNullException(parameterName);
        }

        return CommandLine.Format(verb, argument, parameterName);
    }

    private static string ParameterNameOf(string verb) => verb switch
    {
        "USER" => "userName",
        "PASS" => "password",
        "ACCT" => "account",
        "OPTS" => "option",
        "SITE" => "command",
        "HELP" => "topic",
        _ => "path",
    };

    private void Log(string line) => _log?.Invoke(line);

    /// <summary>
    /// Closes the connection after an exchange failed part-way (the rest of a reply may still be
    /// in the stream) and gives the exception to throw: socket errors become FtpException or
    /// TimeoutException; the caller's own stream exceptions pass through unchanged.
    /// </summary>
    private Exception Fail(Exception failure)
    {
        Exception reported = failure switch
        {
            TimeoutException or FtpException or OperationCanceledException => failure,
            _ when SocketOps.IsTimeout(failure) => new TimeoutException($"The server was silent for longer than the read timeout ({_readTimeout.TotalSeconds:0.###} s).", failure),
            _ when SocketOps.IsSocketFailure(failure) => new FtpException("The connection to the server failed: " + failure.Message, null, failure),
            Org.BouncyCastle.Tls.TlsException => new FtpException("The TLS session with the server failed: " + failure.Message, null, failure),
            _ => failure,
        };
        Close($"an exchange failed ({reported.GetType().Name}: {reported.Message})");
        return reported;
    }

    private void Close(string reason)
    {
        _closedBecause ??= reason;
        Disarm();
        _control.Dispose();
    }

    private TimeoutException ReplyTimedOut(Exception? inner)
        => new($"The server did not complete its reply within the read timeout ({_readTimeout.TotalSeconds:0.###} s).", inner);

    private FtpException ClosedByServer()
        => _reader.IsInsideReply
            ? new FtpProtocolException("The server closed the control connection in the middle of a reply.")
            : new FtpException("The server closed the control connection.");

    private static FtpProtocolException TooManyPreliminaryReplies()
        => new($"The server sent more than {MaxPreliminaryReplies} preliminary (1xx) replies to one command.");

    private static FtpException GreetingRefused(FtpReply greeting)
        => new($"The server did not accept the session: \"{greeting.Code} {greeting.Message}\".", greeting);

    private static FtpException DataConnectFailed(PassiveArming passive, Exception inner)
        => new($"Could not open the data connection to {passive.EndPoint} (prepared by {passive.Verb}): {inner.Message}", null, inner);

    private readonly struct Scope : IDisposable
    {
        private readonly FtpConnection _connection;

        public Scope(FtpConnection connection) => _connection = connection;

        public void Dispose() => Volatile.Write(ref _connection._busy, 0);
    }
}
