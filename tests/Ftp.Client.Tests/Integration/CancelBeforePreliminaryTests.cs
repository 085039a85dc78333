using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Client.Tests.Fakes;
using Ftp.Client.Tests.Servers;
using Xunit.Abstractions;

namespace Ftp.Client.Tests.Integration;

/// <summary>
/// A transfer cancelled while the client still waits for its 1xx: an active-mode RETR to a
/// listener whose accept queue is full, so the server's connect waits and its 150 with it. Only
/// vsftpd and ProFTPD connect before their 1xx; Pure-FTPd ("150 Connecting to port") and pyftpdlib
/// ("150 File status okay. About to open data connection.") answer first, so there the
/// cancellation comes after the 1xx (the path A_cancelled_download_sends_ABOR_and_the_connection_goes_on tests).
/// </summary>
public abstract class CancelBeforePreliminaryTests
{
    private readonly FtpTestServer _server;
    private readonly FtpEncryption _encryption;
    private readonly List<string> _log = new();
    private readonly ITestOutputHelper _output;

    private protected CancelBeforePreliminaryTests(FtpTestServer server, FtpEncryption encryption, ITestOutputHelper output)
    {
        _server = server;
        _encryption = encryption;
        _output = output;
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_download_cancelled_before_its_1xx_sends_ABOR_and_the_connection_goes_on(bool isAsync)
    {
        string small = Guid.NewGuid().ToString("N").Substring(0, 8) + "-after.txt";
        File.WriteAllText(Path.Combine(_server.HomeDirectory, small), "still usable");
        await using FtpConnection ftp = await FtpConnection.ConnectAsync(_server.Host, _server.Port, Options());
        await ftp.LoginAsync(_server.UserName, _server.Password);
        await ftp.PortAsync(new IPEndPoint(IPAddress.Loopback, 0));
        using var backlog = new FullBacklog(ActivePort());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // Sync: the token's timer thread sends ABOR while the caller's thread waits for the reply.
        OperationCanceledException error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => isAsync
            ? ftp.RetrAsync(small, new MemoryStream(), cancel.Token)
            : Task.FromResult(ftp.Retr(small, new MemoryStream(), cancel.Token)));

        Assert.True(error.Message.Contains("before the server's 1xx reply", StringComparison.Ordinal), error.Message + "\n" + string.Join("\n", _log.TakeLast(20)));
        Assert.Contains("> ABOR", _log);
        lock (_log)
        {
            // What the server answered from the RETR to the NOOP (docs/ftps-servers.md quotes it).
            int retr = _log.FindLastIndex(line => line.StartsWith("> RETR", StringComparison.Ordinal));
            _output.WriteLine($"{GetType().Name} | {(isAsync ? "async" : "sync")} | {string.Join(" | ", _log.Skip(retr).Where(line => line.StartsWith("< ", StringComparison.Ordinal) || line.StartsWith("> ", StringComparison.Ordinal)))}");
        }

        Assert.Equal(200, (await ftp.NoopAsync()).Code);
        var back = new MemoryStream();
        Assert.Equal(226, (await ftp.DownloadAsync(small, back)).Code);
        Assert.Equal("still usable", Encoding.UTF8.GetString(back.ToArray()));
    }

    private FtpConnectionOptions Options() => new()
    {
        Encryption = _encryption,
        ServerCertificateValidation = TestCertificates.TrustTestCa,
        ReadTimeout = TimeSpan.FromSeconds(15),
        Log = line =>
        {
            lock (_log)
            {
                _log.Add(line);
            }
        },
    };

    // The port of the last PORT command.
    private int ActivePort()
    {
        string[] fields;
        lock (_log)
        {
            fields = _log.Last(line => line.StartsWith("> PORT ", StringComparison.Ordinal)).Substring(7).Split(',');
        }

        return (int.Parse(fields[4], CultureInfo.InvariantCulture) << 8) | int.Parse(fields[5], CultureInfo.InvariantCulture);
    }

    public sealed class Vsftpd : CancelBeforePreliminaryTests, IClassFixture<VsftpdFixture>
    {
        public Vsftpd(VsftpdFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, FtpEncryption.None, output)
        {
        }
    }

    public sealed class Proftpd : CancelBeforePreliminaryTests, IClassFixture<ProftpdFixture>
    {
        public Proftpd(ProftpdFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, FtpEncryption.None, output)
        {
        }
    }

    public sealed class VsftpdTls13 : CancelBeforePreliminaryTests, IClassFixture<VsftpdTlsFixture>
    {
        public VsftpdTls13(VsftpdTlsFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, FtpEncryption.Explicit, output)
        {
        }
    }

    public sealed class ProftpdTls13 : CancelBeforePreliminaryTests, IClassFixture<ProftpdTlsFixture>
    {
        public ProftpdTls13(ProftpdTlsFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, FtpEncryption.Explicit, output)
        {
        }
    }
}
