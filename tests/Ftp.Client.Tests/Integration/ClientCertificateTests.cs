using System;
using System.IO;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using Ftp.Client.Tests.Servers;

namespace Ftp.Client.Tests.Integration;

/// <summary>vsftpd demanding a client certificate (require_cert=YES, validate_cert=YES against the test CA).</summary>
public sealed class ClientCertificateTests : IClassFixture<VsftpdClientCertificateFixture>
{
    private readonly VsftpdServer _server;

    public ClientCertificateTests(VsftpdClientCertificateFixture fixture) => _server = fixture.Server;

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_client_certificate_from_the_options_is_presented_on_control_and_data_connections(bool isAsync)
    {
        File.WriteAllText(Path.Combine(_server.HomeDirectory, "cert.txt"), "with a client certificate");
        FtpConnectionOptions options = Options();
        options.ClientCertificates = new X509CertificateCollection { TestCertificates.Client };

        await using FtpConnection ftp = isAsync
            ? await FtpConnection.ConnectAsync(_server.Host, _server.Port, options)
            : FtpConnection.Connect(_server.Host, _server.Port, options);
        var back = new MemoryStream();
        if (isAsync)
        {
            await ftp.LoginAsync(_server.UserName, _server.Password);
            await ftp.DownloadAsync("cert.txt", back);
        }
        else
        {
            ftp.Login(_server.UserName, _server.Password);
            ftp.Download("cert.txt", back);
        }

        Assert.Equal("with a client certificate", Encoding.UTF8.GetString(back.ToArray()));
    }

    [Fact]
    public void Without_a_client_certificate_the_server_ends_the_TLS_1_2_handshake()
    {
        FtpConnectionOptions options = Options();
        options.SslProtocols = SslProtocols.Tls12;

        Exception error = Record.Exception(() => FtpConnection.Connect(_server.Host, _server.Port, options).Dispose());

        Assert.True(error is AuthenticationException or FtpException, error?.ToString() ?? "connected");
    }

    [Fact]
    public void Without_a_client_certificate_the_server_ends_the_TLS_1_3_session_before_any_reply()
    {
        // In TLS 1.3 the client's handshake ends with its Finished; the server's certificate_required
        // alert comes after it, so the refusal surfaces at the first reply, not in Connect.
        Exception error = Record.Exception(() =>
        {
            using FtpConnection ftp = FtpConnection.Connect(_server.Host, _server.Port, Options());
            ftp.Login(_server.UserName, _server.Password);
        });

        Assert.True(error is AuthenticationException or FtpException, error?.ToString() ?? "logged in");
        Assert.DoesNotContain(_server.Password, error!.ToString());
    }

    private static FtpConnectionOptions Options() => new()
    {
        Encryption = FtpEncryption.Explicit,
        ServerCertificateValidation = TestCertificates.TrustTestCa,
        ReadTimeout = TimeSpan.FromSeconds(10),
    };
}
