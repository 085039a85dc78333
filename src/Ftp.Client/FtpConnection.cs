using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Internal;
using Ftp.Internal.Tls;

namespace Ftp;

/// <summary>
/// A control connection to an FTP server. Each FTP command is a method named after its verb;
/// Login, Rename, Download and Upload send a whole correct sequence in one call.
/// </summary>
/// <remarks>
/// <para>Negative replies are returned, not thrown. Exceptions mean the exchange itself failed:
/// <see cref="TimeoutException"/> (the server was silent for longer than
/// <see cref="FtpConnectionOptions.ReadTimeout"/>), <see cref="FtpProtocolException"/> (the server
/// sent something that is not a reply), <see cref="FtpException"/> (the connection failed), or
/// <see cref="OperationCanceledException"/>. When one of these interrupts a command after it was
/// sent (a reply or a transfer half done), the reply stream can no longer be trusted, so the
/// connection is closed and every later call throws <see cref="InvalidOperationException"/>:
/// connect again. Failures before anything is sent leave the connection usable: a bad argument
/// (<see cref="ArgumentException"/>), a transfer with no PASV/EPSV/PORT/EPRT before it
/// (<see cref="InvalidOperationException"/>), a passive data connection that cannot be opened
/// (<see cref="FtpException"/>, <see cref="TimeoutException"/>; checked before the transfer
/// command is sent), or a 227/229 reply whose endpoint is malformed (<see cref="FtpProtocolException"/>,
/// the reply itself was read whole).</para>
/// <para>The data connection follows the protocol: <see cref="Pasv"/>, <see cref="Epsv"/>,
/// <see cref="Port"/> and <see cref="Eprt"/> (or the same verbs through <see cref="SendCommand"/>)
/// prepare one data connection, and the next transfer (RETR, STOR, APPE, LIST, NLST, MLSD)
/// consumes it, whatever its outcome. A passive data connection goes to the control connection's
/// address unless <see cref="FtpConnectionOptions.PassiveAddressPolicy"/> says otherwise, and is
/// opened before the transfer command is sent. Transfers stream through a 64 KiB buffer.</para>
/// <para>One command runs at a time; a call made while another is in progress throws
/// <see cref="InvalidOperationException"/>.</para>
/// </remarks>
public sealed partial class FtpConnection : IDisposable, IAsyncDisposable
{
    // Replies with a 1xx code before the final one, at most (a greeting's 120, a transfer's 150).
    private const int MaxPreliminaryReplies = 16;

    private readonly Socket _control;
    private readonly ReplyReader _reader;
    private readonly Encoding _encoding;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeSpan _readTimeout;
    private readonly PassiveAddressPolicy _passiveAddressPolicy;
    private readonly Action<string>? _log;
    private DataArming? _armed;
    private string? _closedBecause;
    private bool _disposed;
    private int _busy;

    private FtpConnection(Socket control, string host, Settings settings)
    {
        _control = control;
        _encryption = settings.Encryption;
        _tlsSettings = new TlsSettings(host, settings.SslProtocols, new ServerCertificateCheck(this, host, settings.ServerCertificateValidation), settings.ClientCertificates);
        _encoding = settings.Encoding;
        _reader = new ReplyReader(settings.Encoding);
        _connectTimeout = settings.ConnectTimeout;
        _readTimeout = settings.ReadTimeout;
        _passiveAddressPolicy = settings.PassiveAddressPolicy;
        _log = settings.Log;
        RemoteEndPoint = (IPEndPoint)control.RemoteEndPoint!;
        int socketTimeout = SocketOps.ToSocketTimeout(_readTimeout);
        _control.SendTimeout = socketTimeout;
    }

    /// <summary>
    /// Opens the control connection and reads the 220 greeting. With <see cref="FtpConnectionOptions.Encryption"/>
    /// Implicit the TLS handshake comes first; with Explicit, AUTH TLS and the handshake follow the greeting.
    /// </summary>
    /// <exception cref="FtpException">The server greeted with another code than 220 (the reply is in <see cref="FtpException.Reply"/>), refused AUTH TLS under Explicit encryption, or the connection failed.</exception>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The TLS handshake failed, or the server's certificate was not accepted.</exception>
    /// <exception cref="TimeoutException">Connecting or the greeting took longer than the options allow.</exception>
    public static FtpConnection Connect(string host, int port = 21, FtpConnectionOptions? options = null)
    {
        Settings settings = Settings.From(host, port, options);
        IPAddress[] addresses = IPAddress.TryParse(host, out IPAddress? literal) ? new[] { literal } : Dns.GetHostAddresses(host);
        Socket socket = ConnectFirst(addresses, port, settings.ConnectTimeout);
        var connection = new FtpConnection(socket, host, settings);
        try
        {
            if (settings.Encryption == FtpEncryption.Implicit)
            {
                connection.StartControlTls();
            }

            connection.Greeting = connection.ReadGreeting();
            if (settings.Encryption == FtpEncryption.Explicit)
            {
                connection.RequireAuthTls(connection.AuthTls());
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the control connection and reads the 220 greeting. With <see cref="FtpConnectionOptions.Encryption"/>
    /// Implicit the TLS handshake comes first; with Explicit, AUTH TLS and the handshake follow the greeting.
    /// </summary>
    /// <exception cref="FtpException">The server greeted with another code than 220 (the reply is in <see cref="FtpException.Reply"/>), refused AUTH TLS under Explicit encryption, or the connection failed.</exception>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The TLS handshake failed, or the server's certificate was not accepted.</exception>
    /// <exception cref="TimeoutException">Connecting or the greeting took longer than the options allow.</exception>
    public static async Task<FtpConnection> ConnectAsync(string host, int port = 21, FtpConnectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Settings settings = Settings.From(host, port, options);
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out IPAddress? literal))
        {
            addresses = new[] { literal };
        }
        else
        {
#if NET
            addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
#else
            addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
#endif
        }

        Socket socket = await ConnectFirstAsync(addresses, port, settings.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        var connection = new FtpConnection(socket, host, settings);
        try
        {
            if (settings.Encryption == FtpEncryption.Implicit)
            {
                await connection.StartControlTlsAsync(cancellationToken).ConfigureAwait(false);
            }

            connection.Greeting = await connection.ReadGreetingAsync(cancellationToken).ConfigureAwait(false);
            if (settings.Encryption == FtpEncryption.Explicit)
            {
                connection.RequireAuthTls(await connection.AuthTlsAsync(cancellationToken).ConfigureAwait(false));
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The server's greeting (220).</summary>
    public FtpReply Greeting { get; private set; } = null!;

    /// <summary>The server end of the control connection.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Sends any command line. The client still understands what it sent.</summary>
    /// <remarks>
    /// A raw PASV or EPSV arms the next transfer exactly as <see cref="Pasv"/> and <see cref="Epsv"/>
    /// do, and a raw "PORT h1,h2,h3,h4,p1,p2" or "EPRT |1|address|port|" listens on that endpoint
    /// as <see cref="Port"/> and <see cref="Eprt"/> do (port 0 picks a free port, and the line sent
    /// names the port actually listened on). A transfer command (RETR, STOR, STOU, APPE,
    /// LIST, NLST, MLSD) needs a stream for its data, so it is refused with an
    /// <see cref="ArgumentException"/> before anything is sent: call <see cref="Retr(string, Stream)"/>,
    /// <see cref="Stor(string, Stream)"/>, <see cref="List(Stream, string)"/>... instead. A PASS line is logged as "PASS ****".
    /// </remarks>
    /// <exception cref="ArgumentException">The line is empty, contains CR or LF, or is a transfer command.</exception>
    public FtpReply SendCommand(string commandLine)
    {
        string verb = CheckRawCommand(commandLine, isAsync: false);
        switch (verb)
        {
            case "PASV":
            case "EPSV":
                return EnterPassiveLine(verb, commandLine);
            case "PORT":
            case "EPRT":
                return EnterActive(verb, ActiveArgument.Parse(verb, CommandLine.ArgumentOf(commandLine)));
            default:
                return ExecuteLine(verb, commandLine);
        }
    }

    /// <summary>Sends any command line. The client still understands what it sent.</summary>
    /// <remarks>See <see cref="SendCommand"/>.</remarks>
    /// <exception cref="ArgumentException">The line is empty, contains CR or LF, or is a transfer command.</exception>
    public Task<FtpReply> SendCommandAsync(string commandLine, CancellationToken cancellationToken = default)
    {
        string verb = CheckRawCommand(commandLine, isAsync: true);
        return verb switch
        {
            "PASV" or "EPSV" => EnterPassiveLineAsync(verb, commandLine, cancellationToken),
            "PORT" or "EPRT" => EnterActiveAsync(verb, ActiveArgument.Parse(verb, CommandLine.ArgumentOf(commandLine)), cancellationToken),
            _ => ExecuteLineAsync(verb, commandLine, cancellationToken),
        };
    }

    /// <summary>USER, then PASS when the server asks for it (331).</summary>
    /// <returns>The 230 (or other 2xx) reply that completed the login.</returns>
    /// <exception cref="FtpException">A step was refused; <see cref="FtpException.Reply"/> is the refusal. The password is never part of the message.</exception>
    public FtpReply Login(string userName, string password)
    {
        CheckArgument(userName, nameof(userName));
        CheckArgument(password, nameof(password));
        FtpReply user = User(userName);
        if (user.IsPositiveCompletion)
        {
            return user;
        }

        if (user.Code != 331)
        {
            throw StepFailed("Login", "USER", user);
        }

        FtpReply pass = Pass(password);
        return pass.IsPositiveCompletion ? pass : throw StepFailed("Login", "PASS", pass);
    }

    /// <summary>USER, then PASS when the server asks for it (331).</summary>
    /// <returns>The 230 (or other 2xx) reply that completed the login.</returns>
    /// <exception cref="FtpException">A step was refused; <see cref="FtpException.Reply"/> is the refusal. The password is never part of the message.</exception>
    public async Task<FtpReply> LoginAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        CheckArgument(userName, nameof(userName));
        CheckArgument(password, nameof(password));
        FtpReply user = await UserAsync(userName, cancellationToken).ConfigureAwait(false);
        if (user.IsPositiveCompletion)
        {
            return user;
        }

        if (user.Code != 331)
        {
            throw StepFailed("Login", "USER", user);
        }

        FtpReply pass = await PassAsync(password, cancellationToken).ConfigureAwait(false);
        return pass.IsPositiveCompletion ? pass : throw StepFailed("Login", "PASS", pass);
    }

    /// <summary>RNFR immediately followed by RNTO.</summary>
    /// <returns>The RNTO reply (250).</returns>
    /// <exception cref="FtpException">RNFR was not answered 350, or RNTO was refused.</exception>
    public FtpReply Rename(string fromPath, string toPath)
    {
        CheckArgument(fromPath, nameof(fromPath));
        CheckArgument(toPath, nameof(toPath));
        FtpReply from = Rnfr(fromPath);
        if (from.Code != 350)
        {
            throw StepFailed("Rename", "RNFR " + fromPath, from);
        }

        FtpReply to = Rnto(toPath);
        return to.IsPositiveCompletion ? to : throw StepFailed("Rename", "RNTO " + toPath, to);
    }

    /// <summary>RNFR immediately followed by RNTO.</summary>
    /// <returns>The RNTO reply (250).</returns>
    /// <exception cref="FtpException">RNFR was not answered 350, or RNTO was refused.</exception>
    public async Task<FtpReply> RenameAsync(string fromPath, string toPath, CancellationToken cancellationToken = default)
    {
        CheckArgument(fromPath, nameof(fromPath));
        CheckArgument(toPath, nameof(toPath));
        FtpReply from = await RnfrAsync(fromPath, cancellationToken).ConfigureAwait(false);
        if (from.Code != 350)
        {
            throw StepFailed("Rename", "RNFR " + fromPath, from);
        }

        FtpReply to = await RntoAsync(toPath, cancellationToken).ConfigureAwait(false);
        return to.IsPositiveCompletion ? to : throw StepFailed("Rename", "RNTO " + toPath, to);
    }

    /// <summary>TYPE I, EPSV (PASV if refused), RETR.</summary>
    /// <returns>The RETR's final reply (226).</returns>
    /// <exception cref="FtpException">A step was refused; <see cref="FtpException.Reply"/> is the refusal.</exception>
    public FtpReply Download(string path, Stream destination) => Download(path, destination, CancellationToken.None);

    /// <summary>TYPE I, EPSV (PASV if refused), RETR. Cancelling <paramref name="cancellationToken"/> during the RETR sends ABOR and keeps the connection usable.</summary>
    /// <returns>The RETR's final reply (226).</returns>
    /// <exception cref="FtpException">A step was refused; <see cref="FtpException.Reply"/> is the refusal.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public FtpReply Download(string path, Stream destination, CancellationToken cancellationToken)
    {
        CheckArgument(path, nameof(path));
        CheckStream(destination, nameof(destination), write: true);
        cancellationToken.ThrowIfCancellationRequested();
        PrepareBinaryTransfer("Download");
        FtpReply reply = Retr(path, destination, cancellationToken);
        return reply.IsPositiveCompletion ? reply : throw TransferStepFailed("Download", "RETR " + path, reply);
    }

    /// <summary>TYPE I, EPSV (PASV if refused), RETR.</summary>
    /// <returns>The RETR's final reply (226).</returns>
    /// <exception cref="FtpException">A step was refused; <see cref="FtpException.Reply"/> is the refusal.</exception>
    public async Task<FtpReply> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken = default)
    {
        CheckArgument(path, nameof(path));
        CheckStream(destination, nameof(destination), write: true);
        await PrepareBinaryTransferAsync("Download", cancellationToken).ConfigureAwait(false);
        FtpReply reply = await RetrAsync(path, destination, cancellationToken).ConfigureAwait(false);
        return reply.IsPositiveCompletion ? reply : throw TransferStepFailed("Download", "RETR " + path, reply);
    }

    /// <summary>TYPE I, EPSV (PASV if refused), STOR.</summary>
    /// <returns>The STOR's final reply (226).</returns>
    /// <exception cref="FtpException">A step was refused; <see cref="FtpException.Reply"/> is the refusal.</exception>
    public FtpReply Upload(string path, Stream source) => Upload(path, source, CancellationToken.None);

    /// <summary>TYPE I, EPSV (PASV if refused), STOR. Cancelling <paramref name="cancellationToken"/> during the STOR sends ABOR and keeps the connection usable.</summary>
    /// <returns>The STOR's final reply (226).</returns>
    /// <exception cref="FtpException">A step was refused; <see cref="FtpException.Reply"/> is the refusal.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public FtpReply Upload(string path, Stream source, CancellationToken cancellationToken)
    {
        CheckArgument(path, nameof(path));
        CheckStream(source, nameof(source), write: false);
        cancellationToken.ThrowIfCancellationRequested();
        PrepareBinaryTransfer("Upload");
        FtpReply reply = Stor(path, source, cancellationToken);
        return reply.IsPositiveCompletion ? reply : throw TransferStepFailed("Upload", "STOR " + path, reply);
    }

    /// <summary>TYPE I, EPSV (PASV if refused), STOR.</summary>
    /// <returns>The STOR's final reply (226).</returns>
    /// <exception cref="FtpException">A step was refused; <see cref="FtpException.Reply"/> is the refusal.</exception>
    public async Task<FtpReply> UploadAsync(string path, Stream source, CancellationToken cancellationToken = default)
    {
        CheckArgument(path, nameof(path));
        CheckStream(source, nameof(source), write: false);
        await PrepareBinaryTransferAsync("Upload", cancellationToken).ConfigureAwait(false);
        FtpReply reply = await StorAsync(path, source, cancellationToken).ConfigureAwait(false);
        return reply.IsPositiveCompletion ? reply : throw TransferStepFailed("Upload", "STOR " + path, reply);
    }

    /// <summary>Closes the control connection (without QUIT: call <see cref="Quit"/> first to end the session politely).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Disarm();
        _control.Dispose();
    }

    /// <summary>Closes the control connection (without QUIT: call <see cref="QuitAsync"/> first to end the session politely).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    private void PrepareBinaryTransfer(string operation)
    {
        FtpReply type = Type(FtpDataType.Binary);
        if (!type.IsPositiveCompletion)
        {
            throw StepFailed(operation, "TYPE I", type);
        }

        FtpReply passive = Epsv();
        if (passive.IsPermanentNegative)
        {
            passive = Pasv();
        }

        if (_armed is null)
        {
            throw StepFailed(operation, passive.Code == 229 ? "EPSV" : "PASV", passive);
        }
    }

    private async Task PrepareBinaryTransferAsync(string operation, CancellationToken cancellationToken)
    {
        FtpReply type = await TypeAsync(FtpDataType.Binary, cancellationToken).ConfigureAwait(false);
        if (!type.IsPositiveCompletion)
        {
            throw StepFailed(operation, "TYPE I", type);
        }

        FtpReply passive = await EpsvAsync(cancellationToken).ConfigureAwait(false);
        if (passive.IsPermanentNegative)
        {
            passive = await PasvAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_armed is null)
        {
            throw StepFailed(operation, passive.Code == 229 ? "EPSV" : "PASV", passive);
        }
    }

    private static FtpException StepFailed(string operation, string step, FtpReply reply)
        => new($"{operation} failed: {step} was answered \"{reply.Code} {reply.Message}\".", reply);

    private string CheckRawCommand(string commandLine, bool isAsync)
    {
        if (commandLine is null)
        {
            throw new ArgumentNullException(nameof(commandLine));
        }

        CommandLine.RejectLineBreaks(commandLine, nameof(commandLine));
        string verb = CommandLine.VerbOf(commandLine);
        if (verb.Length == 0)
        {
            throw new ArgumentException("The command line is empty or starts with a space.", nameof(commandLine));
        }

        switch (verb)
        {
            case "RETR":
            case "STOR":
            case "STOU":
            case "APPE":
            case "LIST":
            case "NLST":
            case "MLSD":
                string method = CommandLine.MethodName(verb == "STOU" ? "STOR" : verb, isAsync).TrimEnd('(', ')');
                string arguments = verb is "LIST" or "NLST" or "MLSD" ? "(stream, path)" : "(path, stream)";
                throw new ArgumentException($"{verb} moves data over a data connection and needs a stream: call {method}{arguments} instead of sending it raw. Nothing was sent.", nameof(commandLine));
        }

        return verb;
    }

    private static void CheckArgument(string value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        CommandLine.RejectLineBreaks(value, parameterName);
    }

    private static void CheckStream(Stream stream, string parameterName, bool write)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (write ? !stream.CanWrite : !stream.CanRead)
        {
            throw new ArgumentException(write ? "The destination stream is not writable." : "The source stream is not readable.", parameterName);
        }
    }

    private static Socket ConnectFirst(IPAddress[] addresses, int port, TimeSpan timeout)
    {
        Exception? last = null;
        foreach (IPAddress address in addresses)
        {
            try
            {
                return SocketOps.Connect(new IPEndPoint(address, port), timeout);
            }
            catch (SocketException e)
            {
                last = e;
            }
        }

        throw new FtpException($"Could not connect to port {port}: {last?.Message ?? "the host name has no address"}.", null, last);
    }

    private static async Task<Socket> ConnectFirstAsync(IPAddress[] addresses, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Exception? last = null;
        foreach (IPAddress address in addresses)
        {
            try
            {
                return await SocketOps.ConnectAsync(new IPEndPoint(address, port), timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                last = e;
            }
        }

        throw new FtpException($"Could not connect to port {port}: {last?.Message ?? "the host name has no address"}.", null, last);
    }

    /// <summary>The options, checked and copied: changing them later does not affect an open connection.</summary>
    private sealed class Settings
    {
        private Settings(FtpConnectionOptions options)
        {
            ConnectTimeout = CheckTimeout(options.ConnectTimeout, nameof(FtpConnectionOptions.ConnectTimeout));
            ReadTimeout = CheckTimeout(options.ReadTimeout, nameof(FtpConnectionOptions.ReadTimeout));
            PassiveAddressPolicy = options.PassiveAddressPolicy;
            Encoding = options.Encoding ?? throw new ArgumentException("FtpConnectionOptions.Encoding is null.", nameof(options));
            Log = options.Log;
            Encryption = options.Encryption is FtpEncryption.None or FtpEncryption.Explicit or FtpEncryption.Implicit
                ? options.Encryption
                : throw new ArgumentOutOfRangeException(nameof(FtpConnectionOptions.Encryption), options.Encryption, "Encryption is None, Explicit or Implicit.");
            ServerCertificateValidation = options.ServerCertificateValidation;
            ClientCertificates = options.ClientCertificates;
            // TLS 1.2 and 1.3 (12288, unnamed on netstandard2.0) are all this client speaks.
            SslProtocols = options.SslProtocols == System.Security.Authentication.SslProtocols.None
                || (options.SslProtocols & (System.Security.Authentication.SslProtocols.Tls12 | (System.Security.Authentication.SslProtocols)12288)) != 0
                    ? options.SslProtocols
                    : throw new ArgumentOutOfRangeException(nameof(FtpConnectionOptions.SslProtocols), options.SslProtocols, "SslProtocols allows neither TLS 1.2 nor TLS 1.3, the versions this client speaks.");
        }

        public FtpEncryption Encryption { get; }

        public System.Net.Security.RemoteCertificateValidationCallback? ServerCertificateValidation { get; }

        public System.Security.Cryptography.X509Certificates.X509CertificateCollection? ClientCertificates { get; }

        public System.Security.Authentication.SslProtocols SslProtocols { get; }

        public TimeSpan ConnectTimeout { get; }

        public TimeSpan ReadTimeout { get; }

        public PassiveAddressPolicy PassiveAddressPolicy { get; }

        public Encoding Encoding { get; }

        public Action<string>? Log { get; }

        public static Settings From(string host, int port, FtpConnectionOptions? options)
        {
            if (host is null)
            {
                throw new ArgumentNullException(nameof(host));
            }

            if (host.Length == 0)
            {
                throw new ArgumentException("The host name is empty.", nameof(host));
            }

            if (port is < 1 or > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 1-65535.");
            }

            return new Settings(options ?? new FtpConnectionOptions());
        }

        private static TimeSpan CheckTimeout(TimeSpan value, string name)
            => value == Timeout.InfiniteTimeSpan || value > TimeSpan.Zero
                ? value
                : throw new ArgumentOutOfRangeException(name, value, "A timeout is positive, or Timeout.InfiniteTimeSpan.");
    }
}
