using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Client.Tests.Fakes;
using Ftp.Client.Tests.Servers;

namespace Ftp.Client.Tests.Integration;

/// <summary>
/// Default options (SslProtocols None) against each server: TLS 1.3, and every data connection
/// resuming the control connection's session with a ticket (Pure-FTPd sends none, and accepts full
/// handshakes on data connections).
/// </summary>
public abstract class DefaultTlsVersionTests
{
    private readonly FtpTestServer _server;
    private readonly List<string> _log = new();

    private protected DefaultTlsVersionTests(FtpTestServer server) => _server = server;

    /// <summary>False for Pure-FTPd, which sends no TLS 1.3 ticket (and requires no session reuse).</summary>
    protected virtual bool SendsTickets => true;

    [Fact]
    public async Task The_default_is_TLS_1_3_and_every_data_connection_resumes_its_session()
    {
        string name = Guid.NewGuid().ToString("N").Substring(0, 8) + "-default.txt";
        FtpConnectionOptions options = Options();
        await using FtpConnection ftp = await FtpConnection.ConnectAsync(_server.Host, _server.Port, options);
        await ftp.LoginAsync(_server.UserName, _server.Password);

        await ftp.UploadAsync(name, new MemoryStream(Encoding.UTF8.GetBytes("over TLS 1.3")));
        var back = new MemoryStream();
        await ftp.DownloadAsync(name, back);
        ftp.Download(name, new MemoryStream());

        Assert.Equal("over TLS 1.3", Encoding.UTF8.GetString(back.ToArray()));
        Assert.Contains("TLS: control connection is TLS 1.3", _log);
        string[] data = _log.Where(line => line.StartsWith("TLS: data connection", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, data.Length);
        string expected = SendsTickets
            ? "TLS: data connection is TLS 1.3, resuming the control connection's session"
            : "TLS: data connection is TLS 1.3, not resuming the control connection's session";
        Assert.True(data.All(line => line == expected), string.Join("\n", _log));
        if (!SendsTickets)
        {
            Assert.Contains("TLS: the TLS 1.3 data connection did not resume the control connection's TLS session (the server sent no TLS 1.3 session ticket on the control connection)", _log);
        }
    }

    [Fact]
    public void A_cancelled_sync_download_over_TLS_1_3_sends_ABOR_and_the_connection_goes_on()
    {
        string name = Guid.NewGuid().ToString("N").Substring(0, 8) + "-abort.bin";
        File.WriteAllBytes(Path.Combine(_server.HomeDirectory, name), new byte[48 * 1024 * 1024]);
        using FtpConnection ftp = FtpConnection.Connect(_server.Host, _server.Port, Options());
        ftp.Login(_server.UserName, _server.Password);
        ftp.Type(FtpDataType.Binary);
        ftp.Epsv();
        using var cancel = new CancellationTokenSource();

        OperationCanceledException error = Assert.ThrowsAny<OperationCanceledException>(
            () => ftp.Retr(name, new CancellingStream(cancel, after: 1024 * 1024), cancel.Token));

        Assert.True(error.Message.Contains("ABOR", StringComparison.Ordinal), error.Message + "\n" + string.Join("\n", _log.TakeLast(20)));
        Assert.Equal(200, ftp.Noop().Code);
        Assert.Equal(226, ftp.Upload(name + ".after", new MemoryStream(new byte[] { 1, 2, 3 })).Code);
    }

    private FtpConnectionOptions Options() => new()
    {
        Encryption = FtpEncryption.Explicit,
        ServerCertificateValidation = TestCertificates.TrustTestCa,
        ReadTimeout = TimeSpan.FromSeconds(20),
        Log = line =>
        {
            lock (_log)
            {
                _log.Add(line);
            }
        },
    };

    public sealed class Vsftpd : DefaultTlsVersionTests, IClassFixture<VsftpdTlsFixture>
    {
        public Vsftpd(VsftpdTlsFixture fixture)
            : base(fixture.Server)
        {
        }
    }

    public sealed class Proftpd : DefaultTlsVersionTests, IClassFixture<ProftpdTlsFixture>
    {
        public Proftpd(ProftpdTlsFixture fixture)
            : base(fixture.Server)
        {
        }
    }

    public sealed class PureFtpd : DefaultTlsVersionTests, IClassFixture<PureFtpdTlsFixture>
    {
        public PureFtpd(PureFtpdTlsFixture fixture)
            : base(fixture.Server)
        {
        }

        protected override bool SendsTickets => false;
    }

    public sealed class Pyftpdlib : DefaultTlsVersionTests, IClassFixture<PyftpdlibTlsFixture>
    {
        public Pyftpdlib(PyftpdlibTlsFixture fixture)
            : base(fixture.Server)
        {
        }
    }
}
