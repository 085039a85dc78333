using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Client.Tests.Fakes;
using Ftp.Client.Tests.Servers;

namespace Ftp.Client.Tests.Integration;

/// <summary>
/// The client over TLS against a real server that requires it, once per TLS version, through the
/// sync and the async methods. The tests trust exactly the throwaway test CA.
/// </summary>
public abstract class FtpsConformanceTests
{
    private const int LargeFileSize = 3 * 1024 * 1024 + 321;
    private const SslProtocols Tls13 = (SslProtocols)12288;

    private readonly FtpTestServer _server;
    private readonly FtpEncryption _encryption;
    private readonly SslProtocols _protocols;
    private readonly List<string> _log = new();

    private protected FtpsConformanceTests(FtpTestServer server, FtpEncryption encryption, SslProtocols protocols)
    {
        _server = server;
        _encryption = encryption;
        _protocols = protocols;
    }

    /// <summary>Whether the server checks that data connections resume the control connection's TLS session.</summary>
    protected virtual bool RequiresSessionReuse => false;

    [Theory, InlineData(false), InlineData(true)]
    public async Task Login_encrypts_the_control_connection_first_and_then_protects_the_data(bool isAsync)
    {
        await using FtpConnection ftp = await LoggedIn(isAsync);

        Assert.True(ftp.IsEncrypted);
        Assert.Equal(FtpProtection.Private, ftp.DataProtection);
        string[] sent = _log.Where(line => line.StartsWith("> ", StringComparison.Ordinal)).ToArray();
        int pass = Array.IndexOf(sent, "> PASS ****");
        Assert.True(pass >= 0, string.Join("\n", _log));
        if (_encryption == FtpEncryption.Explicit)
        {
            Assert.Equal("> AUTH TLS", sent[0]);
        }

        Assert.Contains(_log, line => line == "TLS: control connection is " + ExpectedVersion);
        Assert.Equal(new[] { "> PBSZ 0", "> PROT P" }, sent.Skip(pass + 1).Take(2));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Upload_then_download_over_TLS_keeps_every_byte_and_resumes_the_session(bool isAsync)
    {
        byte[] content = RandomBytes(LargeFileSize);
        string name = UniqueName("big.bin");
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply stored = await Call(isAsync, () => ftp.Upload(name, new MemoryStream(content)), () => ftp.UploadAsync(name, new MemoryStream(content)));
        var downloaded = new MemoryStream();
        FtpReply retrieved = await Call(isAsync, () => ftp.Download(name, downloaded), () => ftp.DownloadAsync(name, downloaded));

        Assert.Equal(226, stored.Code);
        Assert.Equal(226, retrieved.Code);
        Assert.Equal(content, File.ReadAllBytes(Path.Combine(_server.HomeDirectory, name)));
        Assert.Equal(content, downloaded.ToArray());
        string[] data = _log.Where(line => line.StartsWith("TLS: data connection", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, data.Length);
        if (RequiresSessionReuse)
        {
            Assert.All(data, line => Assert.Equal($"TLS: data connection is {ExpectedVersion}, resuming the control connection's session", line));
        }
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task List_Nlst_and_Mlsd_come_over_TLS_data_connections(bool isAsync)
    {
        string name = UniqueName("listed.txt");
        File.WriteAllText(Path.Combine(_server.HomeDirectory, name), "x");
        await using FtpConnection ftp = await LoggedIn(isAsync);

        await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());
        var list = new MemoryStream();
        FtpReply listed = await Call(isAsync, () => ftp.List(list), () => ftp.ListAsync(list));
        await Call(isAsync, () => ftp.Epsv(), () => ftp.EpsvAsync());
        var names = new MemoryStream();
        FtpReply named = await Call(isAsync, () => ftp.Nlst(names), () => ftp.NlstAsync(names));

        Assert.Equal(226, listed.Code);
        Assert.Contains(name, Encoding.UTF8.GetString(list.ToArray()));
        Assert.Equal(226, named.Code);
        Assert.Contains(name, Encoding.UTF8.GetString(names.ToArray()).Split("\r\n"));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Appe_and_an_active_mode_download_work_over_TLS(bool isAsync)
    {
        string name = UniqueName("append.txt");
        await using FtpConnection ftp = await LoggedIn(isAsync);
        await Call(isAsync, () => ftp.Upload(name, Text("first,")), () => ftp.UploadAsync(name, Text("first,")));

        await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());
        FtpReply appended = await Call(isAsync, () => ftp.Appe(name, Text("second")), () => ftp.AppeAsync(name, Text("second")));
        var local = new IPEndPoint(IPAddress.Loopback, 0);
        FtpReply port = await Call(isAsync, () => ftp.Port(local), () => ftp.PortAsync(local));
        var back = new MemoryStream();
        FtpReply retrieved = await Call(isAsync, () => ftp.Retr(name, back), () => ftp.RetrAsync(name, back));

        Assert.Equal(226, appended.Code);
        Assert.Equal("first,second", File.ReadAllText(Path.Combine(_server.HomeDirectory, name)));
        Assert.Equal(200, port.Code);
        Assert.Equal(226, retrieved.Code);
        Assert.Equal("first,second", Encoding.UTF8.GetString(back.ToArray()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_certificate_chaining_to_no_trusted_root_is_rejected_without_a_callback(bool isAsync)
    {
        FtpConnectionOptions options = Options();
        options.ServerCertificateValidation = null;

        await Assert.ThrowsAsync<AuthenticationException>(() => Call(
            isAsync,
            () => FtpConnection.Connect(_server.Host, _server.Port, options),
            () => FtpConnection.ConnectAsync(_server.Host, _server.Port, options)));
    }

    private string ExpectedVersion => _protocols == SslProtocols.Tls12 ? "TLS 1.2" : "TLS 1.3";

    [Theory, InlineData(false), InlineData(true)]
    public async Task Every_data_connection_that_does_not_resume_goes_through_the_same_certificate_check(bool isAsync)
    {
        int checks = 0;
        FtpConnectionOptions options = Options();
        options.ServerCertificateValidation = (sender, certificate, chain, errors) =>
        {
            Interlocked.Increment(ref checks);
            Assert.IsType<FtpConnection>(sender);
            return TestCertificates.TrustTestCa(sender, certificate, chain, errors);
        };
        await using FtpConnection ftp = await Call(isAsync, () => FtpConnection.Connect(_server.Host, _server.Port, options), () => FtpConnection.ConnectAsync(_server.Host, _server.Port, options));
        await Call(isAsync, () => ftp.Login(_server.UserName, _server.Password), () => ftp.LoginAsync(_server.UserName, _server.Password));

        for (int i = 0; i < 3; i++)
        {
            await Call(isAsync, () => ftp.Epsv(), () => ftp.EpsvAsync());
            await Call(isAsync, () => ftp.Nlst(new MemoryStream()), () => ftp.NlstAsync(new MemoryStream()));
        }

        // A resumed handshake carries no certificate: the session's was checked when it was made.
        int fullHandshakes = _log.Count(line => line.StartsWith("TLS: data connection", StringComparison.Ordinal) && line.EndsWith("not resuming the control connection's session", StringComparison.Ordinal));
        Assert.Equal(1 + fullHandshakes, checks);
    }

    [Fact]
    public async Task A_cancelled_download_sends_ABOR_and_the_connection_goes_on()
    {
        string name = UniqueName("abort.bin");
        File.WriteAllBytes(Path.Combine(_server.HomeDirectory, name), new byte[48 * 1024 * 1024]);
        string small = UniqueName("after.txt");
        File.WriteAllText(Path.Combine(_server.HomeDirectory, small), "still usable");
        await using FtpConnection ftp = await LoggedIn(isAsync: true);
        await ftp.TypeAsync(FtpDataType.Binary);
        await ftp.EpsvAsync();
        using var cancel = new CancellationTokenSource();

        OperationCanceledException error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ftp.RetrAsync(name, new CancellingStream(cancel, after: 1024 * 1024), cancel.Token));

        Assert.True(error.Message.Contains("ABOR", StringComparison.Ordinal), error.Message + "\n" + string.Join("\n", _log.TakeLast(8)));
        Assert.Contains("> ABOR", _log);
        Assert.Equal(200, (await ftp.NoopAsync()).Code);
        var back = new MemoryStream();
        Assert.Equal(226, (await ftp.DownloadAsync(small, back)).Code);
        Assert.Equal("still usable", Encoding.UTF8.GetString(back.ToArray()));
    }

    private FtpConnectionOptions Options() => new()
    {
        Encryption = _encryption,
        SslProtocols = _protocols,
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

    private Task<FtpConnection> Connect(bool isAsync)
        => Call(isAsync, () => FtpConnection.Connect(_server.Host, _server.Port, Options()), () => FtpConnection.ConnectAsync(_server.Host, _server.Port, Options()));

    private async Task<FtpConnection> LoggedIn(bool isAsync)
    {
        FtpConnection ftp = await Connect(isAsync);
        await Call(isAsync, () => ftp.Login(_server.UserName, _server.Password), () => ftp.LoginAsync(_server.UserName, _server.Password));
        return ftp;
    }

    private static Task<T> Call<T>(bool isAsync, Func<T> sync, Func<Task<T>> asynchronous)
        => isAsync ? asynchronous() : Task.FromResult(sync());

    private static string UniqueName(string name) => Guid.NewGuid().ToString("N").Substring(0, 8) + "-" + name;

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(count).NextBytes(bytes);
        return bytes;
    }

    public sealed class VsftpdExplicitTls12 : FtpsConformanceTests, IClassFixture<VsftpdTlsFixture>
    {
        public VsftpdExplicitTls12(VsftpdTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Explicit, SslProtocols.Tls12)
        {
        }

        protected override bool RequiresSessionReuse => true;
    }

    public sealed class VsftpdImplicitTls12 : FtpsConformanceTests, IClassFixture<VsftpdImplicitTlsFixture>
    {
        public VsftpdImplicitTls12(VsftpdImplicitTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Implicit, SslProtocols.Tls12)
        {
        }

        protected override bool RequiresSessionReuse => true;
    }

    public sealed class VsftpdExplicitTls13 : FtpsConformanceTests, IClassFixture<VsftpdTlsFixture>
    {
        public VsftpdExplicitTls13(VsftpdTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Explicit, Tls13)
        {
        }

        protected override bool RequiresSessionReuse => true;
    }

    public sealed class VsftpdImplicitTls13 : FtpsConformanceTests, IClassFixture<VsftpdImplicitTlsFixture>
    {
        public VsftpdImplicitTls13(VsftpdImplicitTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Implicit, Tls13)
        {
        }

        protected override bool RequiresSessionReuse => true;
    }

    public sealed class ProftpdExplicitTls13 : FtpsConformanceTests, IClassFixture<ProftpdTlsFixture>
    {
        public ProftpdExplicitTls13(ProftpdTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Explicit, Tls13)
        {
        }

        protected override bool RequiresSessionReuse => true;
    }

    public sealed class ProftpdImplicitTls13 : FtpsConformanceTests, IClassFixture<ProftpdImplicitTlsFixture>
    {
        public ProftpdImplicitTls13(ProftpdImplicitTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Implicit, Tls13)
        {
        }

        protected override bool RequiresSessionReuse => true;
    }

    public sealed class ProftpdExplicitTls12 : FtpsConformanceTests, IClassFixture<ProftpdTlsFixture>
    {
        public ProftpdExplicitTls12(ProftpdTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Explicit, SslProtocols.Tls12)
        {
        }

        protected override bool RequiresSessionReuse => true;
    }

    public sealed class ProftpdImplicitTls12 : FtpsConformanceTests, IClassFixture<ProftpdImplicitTlsFixture>
    {
        public ProftpdImplicitTls12(ProftpdImplicitTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Implicit, SslProtocols.Tls12)
        {
        }

        protected override bool RequiresSessionReuse => true;
    }

    public sealed class PyftpdlibExplicitTls12 : FtpsConformanceTests, IClassFixture<PyftpdlibTlsFixture>
    {
        public PyftpdlibExplicitTls12(PyftpdlibTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Explicit, SslProtocols.Tls12)
        {
        }
    }

    public sealed class PyftpdlibExplicitTls13 : FtpsConformanceTests, IClassFixture<PyftpdlibTlsFixture>
    {
        public PyftpdlibExplicitTls13(PyftpdlibTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Explicit, Tls13)
        {
        }
    }

    public sealed class PureFtpdExplicitTls12 : FtpsConformanceTests, IClassFixture<PureFtpdTlsFixture>
    {
        public PureFtpdExplicitTls12(PureFtpdTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Explicit, SslProtocols.Tls12)
        {
        }
    }

    public sealed class PureFtpdExplicitTls13 : FtpsConformanceTests, IClassFixture<PureFtpdTlsFixture>
    {
        public PureFtpdExplicitTls13(PureFtpdTlsFixture fixture)
            : base(fixture.Server, FtpEncryption.Explicit, Tls13)
        {
        }
    }
}
