using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Ftp;

/// <summary>
/// A control connection to an FTP server. Each FTP command is a method named after its verb;
/// Login, Rename, Download and Upload send a whole correct sequence in one call.
/// </summary>
public sealed partial class FtpConnection : IDisposable, IAsyncDisposable
{
    private FtpConnection()
    {
        throw new NotImplementedException();
    }

    /// <summary>Opens the control connection and reads the 220 greeting.</summary>
    public static FtpConnection Connect(string host, int port = 21, FtpConnectionOptions? options = null)
        => throw new NotImplementedException();

    /// <summary>Opens the control connection and reads the 220 greeting.</summary>
    public static Task<FtpConnection> ConnectAsync(string host, int port = 21, FtpConnectionOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>The server's greeting (220).</summary>
    public FtpReply Greeting { get; } = null!;

    /// <summary>The server end of the control connection.</summary>
    public IPEndPoint RemoteEndPoint { get; } = null!;

    /// <summary>Sends any command line. The client still understands what it sent.</summary>
    public FtpReply SendCommand(string commandLine) => throw new NotImplementedException();

    /// <summary>Sends any command line. The client still understands what it sent.</summary>
    public Task<FtpReply> SendCommandAsync(string commandLine, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>USER, then PASS when the server asks for it (331).</summary>
    public FtpReply Login(string userName, string password) => throw new NotImplementedException();

    /// <summary>USER, then PASS when the server asks for it (331).</summary>
    public Task<FtpReply> LoginAsync(string userName, string password, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>RNFR immediately followed by RNTO.</summary>
    public FtpReply Rename(string fromPath, string toPath) => throw new NotImplementedException();

    /// <summary>RNFR immediately followed by RNTO.</summary>
    public Task<FtpReply> RenameAsync(string fromPath, string toPath, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>TYPE I, EPSV (PASV if refused), RETR.</summary>
    public FtpReply Download(string path, Stream destination) => throw new NotImplementedException();

    /// <summary>TYPE I, EPSV (PASV if refused), RETR.</summary>
    public Task<FtpReply> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>TYPE I, EPSV (PASV if refused), STOR.</summary>
    public FtpReply Upload(string path, Stream source) => throw new NotImplementedException();

    /// <summary>TYPE I, EPSV (PASV if refused), STOR.</summary>
    public Task<FtpReply> UploadAsync(string path, Stream source, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose() => throw new NotImplementedException();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => throw new NotImplementedException();

    // The engine behind the command surface (FtpConnection.Commands.cs).
    private FtpReply Execute(string verb, string? argument) => throw new NotImplementedException();
    private Task<FtpReply> ExecuteAsync(string verb, string? argument, CancellationToken cancellationToken) => throw new NotImplementedException();
    private FtpReply EnterPassive(string verb) => throw new NotImplementedException();
    private Task<FtpReply> EnterPassiveAsync(string verb, CancellationToken cancellationToken) => throw new NotImplementedException();
    private FtpReply EnterActive(string verb, IPEndPoint localEndPoint) => throw new NotImplementedException();
    private Task<FtpReply> EnterActiveAsync(string verb, IPEndPoint localEndPoint, CancellationToken cancellationToken) => throw new NotImplementedException();
    private FtpReply Receive(string verb, string? path, Stream destination) => throw new NotImplementedException();
    private Task<FtpReply> ReceiveAsync(string verb, string? path, Stream destination, CancellationToken cancellationToken) => throw new NotImplementedException();
    private FtpReply Send(string verb, string path, Stream source) => throw new NotImplementedException();
    private Task<FtpReply> SendAsync(string verb, string path, Stream source, CancellationToken cancellationToken) => throw new NotImplementedException();
}
