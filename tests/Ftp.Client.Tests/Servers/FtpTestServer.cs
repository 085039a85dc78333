using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Ftp.Client.Tests.Servers;

/// <summary>
/// A real FTP server process started for tests: listens on 127.0.0.1 only, on a free port, serves
/// <see cref="HomeDirectory"/>, and is stopped (it and only it, with its session children) by
/// <see cref="Dispose"/>. Start one with <see cref="VsftpdServer.Start"/>, <see cref="PyftpdlibServer.Start"/>,
/// <see cref="ProftpdServer.Start"/> or <see cref="PureFtpdServer.Start"/>.
/// </summary>
public abstract class FtpTestServer : IDisposable, IAsyncDisposable
{
    /// <summary>The local account the servers log in (vsftpd through PAM, ProFTPD from /etc/shadow, Pure-FTPd as a virtual user mapped to it); <c>.ci/install-ftp-servers.sh</c> creates it.</summary>
    public const string DefaultUserName = "ftptest";

    private const string InstallHint = "Run .ci/install-ftp-servers.sh as root (it installs vsftpd and python3-pyftpdlib, unpacks ProFTPD and Pure-FTPd and creates the ftptest user).";

    private readonly StringBuilder _output = new();
    private readonly bool _ownsHome;
    private Process? _process;

    private protected FtpTestServer(string name, string? homeDirectory)
    {
        Name = name;
        // Server configs take paths unquoted: the folder name keeps to letters, digits and hyphens.
        ScratchDirectory = CreatePrivateDirectory("ftp-" + System.Text.RegularExpressions.Regex.Replace(name, "[^A-Za-z0-9]+", "-").Trim('-') + "-");
        _ownsHome = homeDirectory is null;
        HomeDirectory = homeDirectory ?? Path.Combine(ScratchDirectory, "home");
        Directory.CreateDirectory(HomeDirectory);
        if (_ownsHome && !OperatingSystem.IsWindows())
        {
            // The server may run the session as another user (vsftpd: ftptest): let it write here.
            File.SetUnixFileMode(HomeDirectory, (UnixFileMode)0b111_111_111);
        }
    }

    /// <summary>The server's name, for messages and test names.</summary>
    public string Name { get; }

    /// <summary>Always 127.0.0.1.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The control port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The account to log in with.</summary>
    public string UserName { get; } = DefaultUserName;

    /// <summary>Its password (FTP_TEST_PASSWORD, default ftptest, as the install script sets it).</summary>
    public string Password { get; } = Environment.GetEnvironmentVariable("FTP_TEST_PASSWORD") is { Length: > 0 } password ? password : "ftptest";

    /// <summary>The folder a logged-in session starts in; tests put files here and check them here.</summary>
    public string HomeDirectory { get; }

    /// <summary>A private folder for the server's configuration; deleted on dispose.</summary>
    protected string ScratchDirectory { get; }

    /// <summary>What the process printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Stops the server process (and the session processes it forked) and deletes the temp folders.</summary>
    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(ScratchDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} on {Host}:{Port}";

    /// <summary>Throws with the install hint when <paramref name="path"/> does not exist.</summary>
    private protected static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{what} is missing ({path} not found). {InstallHint}");
        }
    }

    private protected static void RequireUser(string userName)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/etc/passwd"))
        {
            throw new InvalidOperationException("The FTP server fixtures run on Linux only.");
        }

        foreach (string line in File.ReadLines("/etc/passwd"))
        {
            if (line.StartsWith(userName + ":", StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The local user {userName} does not exist. {InstallHint}");
    }

    /// <summary>Throws unless the tests run as root: the servers switch each session to the logged-in user.</summary>
    private protected static void RequireRoot(string what)
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException($"{what} must be started as root: it switches each session to the logged-in user.");
        }
    }

    /// <summary>
    /// Starts <paramref name="server"/> with <paramref name="startOn"/> on a free port, trying a few:
    /// the port can be taken between the probe and the server's bind. Disposes the server when it
    /// cannot start.
    /// </summary>
    private protected static TServer StartOnFreePort<TServer>(TServer server, Action<TServer, int> startOn)
        where TServer : FtpTestServer
    {
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    startOn(server, FreePort());
                    return server;
                }
                catch (ServerStartException) when (attempt < 3)
                {
                    server.Stop();
                }
            }
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>A port that was free a moment ago (the caller retries if the server cannot bind it).</summary>
    private protected static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>Starts the process; <paramref name="readPort"/> gets the port from it or returns the one it was given.</summary>
    private protected void Launch(ProcessStartInfo startInfo, Func<FtpTestServer, int> readPort)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var firstLine = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            firstLine.TrySetResult(e.Data);
            Append(e.Data);
        };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Exited += (_, _) => firstLine.TrySetResult(null);
        process.Start();
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        FirstLine = firstLine.Task;
        Port = readPort(this);
        WaitUntilAccepting();
    }

    /// <summary>The first line the process prints on stdout (null if it exits first).</summary>
    private protected Task<string?> FirstLine { get; private set; } = Task.FromResult<string?>(null);

    /// <summary>True when the process has ended.</summary>
    private protected bool HasExited => _process?.HasExited ?? true;

    private protected void Stop()
    {
        Process? process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            process.Dispose();
        }
    }

    private void WaitUntilAccepting()
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (HasExited)
            {
                throw new ServerStartException($"{Name} exited while starting on port {Port}: {Output}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new ServerStartException($"{Name} did not accept connections on port {Port} within 10 s: {Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string CreatePrivateDirectory(string prefix)
    {
        string path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            // Readable by the session user (the home folder is inside), writable by the owner only.
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }

        return path;
    }
}

/// <summary>The server could not be started (for example, its port was taken meanwhile).</summary>
public sealed class ServerStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServerStartException(string message)
        : base(message)
    {
    }
}
