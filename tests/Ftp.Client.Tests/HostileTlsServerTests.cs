using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Ftp.Client.Tests.Fakes;
using Ftp.Client.Tests.Servers;

namespace Ftp.Client.Tests;

/// <summary>
/// FTPS against a scripted fake (SslStream on the server side): refusals, stalls, endless replies
/// and data connections that end without close_notify, which no real server sends on purpose.
/// </summary>
public class HostileTlsServerTests
{
    private static readonly Lazy<X509Certificate2> Certificate = new(() =>
        X509Certificate2.CreateFromPemFile(TestCertificates.Good.CertificatePath, TestCertificates.Good.KeyPath));

    private readonly List<string> _log = new();

    // Made here, not inside a script: generating the test keys takes seconds, longer than the timeouts.
    public HostileTlsServerTests() => _ = Certificate.Value;

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_refused_AUTH_TLS_fails_the_connect_and_nothing_else_is_sent(bool isAsync)
    {
        var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello.");
            await s.ExpectAsync("AUTH TLS");
            await s.ReplyAsync("500 AUTH not understood.");
            await s.WaitForCloseAsync();
        });

        FtpException error = await Assert.ThrowsAsync<FtpException>(() => Connect(server, isAsync, FtpEncryption.Explicit));
        await server.DisposeAsync();

        Assert.Equal(500, error.Reply?.Code);
        Assert.Contains("refused AUTH TLS", error.Message);
        Assert.Equal(new[] { "AUTH TLS" }, server.Received);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task The_password_goes_only_over_TLS_and_is_masked_in_the_log(bool isAsync)
    {
        const string secret = "S3cret-over-TLS";
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello.");
            await s.ExpectAsync("AUTH TLS");
            await s.ReplyAsync("234 Go ahead.");
            await s.StartTlsAsync(Certificate.Value);
            await s.ExpectAsync("USER");
            await s.ReplyAsync("331 Password.");
            await s.ExpectAsync("PASS");
            await s.ReplyAsync("530 Wrong.");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync, FtpEncryption.Explicit);

        FtpException error = await Assert.ThrowsAsync<FtpException>(() => Call(isAsync, () => ftp.Login("bob", secret), () => ftp.LoginAsync("bob", secret)));

        Assert.True(ftp.IsEncrypted);
        Assert.Equal(530, error.Reply?.Code);
        Assert.DoesNotContain(secret, error.ToString());
        Assert.Contains("> PASS ****", _log);
        Assert.DoesNotContain(_log, line => line.Contains(secret));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_server_silent_after_the_handshake_times_out(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello.");
            await s.ExpectAsync("AUTH TLS");
            await s.ReplyAsync("234 Go ahead.");
            await s.StartTlsAsync(Certificate.Value);
            await s.ExpectAsync("NOOP");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync, FtpEncryption.Explicit);

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));

        Assert.InRange(elapsed.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));
        Assert.Throws<InvalidOperationException>(() => ftp.Noop());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task An_endless_reply_line_over_TLS_is_cut_off(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello.");
            await s.ExpectAsync("AUTH TLS");
            await s.ReplyAsync("234 Go ahead.");
            await s.StartTlsAsync(Certificate.Value);
            await s.ExpectAsync("NOOP");
            await s.SendAsync("200 " + new string('a', 20_000));
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync, FtpEncryption.Explicit);

        await Assert.ThrowsAsync<FtpProtocolException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_handshake_the_server_never_answers_times_out(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello.");
            await s.ExpectAsync("AUTH TLS");
            await s.ReplyAsync("234 Go ahead.");
            await s.WaitForCloseAsync();
        });

        await Assert.ThrowsAsync<TimeoutException>(() => Connect(server, isAsync, FtpEncryption.Explicit));
    }

    [Theory, InlineData(false, 100, true), InlineData(true, 100, true), InlineData(false, 60, false), InlineData(true, 60, false)]
    public async Task A_download_ended_without_close_notify_is_checked_against_the_announced_size(bool isAsync, int sent, bool accepted)
    {
        byte[] content = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        using var data = new TcpListener(IPAddress.Loopback, 0);
        data.Start();
        int dataPort = ((IPEndPoint)data.LocalEndpoint).Port;
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello.");
            await s.ExpectAsync("AUTH TLS");
            await s.ReplyAsync("234 Go ahead.");
            await s.StartTlsAsync(Certificate.Value);
            await s.ExpectAsync("PROT P");
            await s.ReplyAsync("200 PROT now Private.");
            await s.ExpectAsync("TYPE I");
            await s.ReplyAsync("200 Binary.");
            await s.ExpectAsync("PASV");
            await s.ReplyAsync($"227 Entering Passive Mode (127,0,0,1,{dataPort >> 8},{dataPort & 255}).");
            using Socket accepted = await data.AcceptSocketAsync(s.Stop);
            await s.ExpectAsync("RETR");
            await s.ReplyAsync("150 Opening BINARY mode data connection for f.bin (100 bytes).");
            var tls = new SslStream(new NetworkStream(accepted, ownsSocket: false));
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate.Value }, s.Stop);
            await tls.WriteAsync(content.AsMemory(0, sent), s.Stop);
            await tls.FlushAsync(s.Stop);

            // No close_notify: the TCP connection just ends.
            accepted.Shutdown(SocketShutdown.Both);
            accepted.Close();
            await s.ReplyAsync("226 Transfer complete.");
            await s.ExpectAsync("NOOP");
            await s.ReplyAsync("200 Still here.");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync, FtpEncryption.Explicit);
        await Call(isAsync, () => ftp.Prot(FtpProtection.Private), () => ftp.ProtAsync(FtpProtection.Private));
        await Call(isAsync, () => ftp.Type(FtpDataType.Binary), () => ftp.TypeAsync(FtpDataType.Binary));
        await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());
        var received = new MemoryStream();

        if (accepted)
        {
            FtpReply reply = await Call(isAsync, () => ftp.Retr("f.bin", received), () => ftp.RetrAsync("f.bin", received));
            Assert.Equal(226, reply.Code);
            Assert.Equal(content, received.ToArray());
        }
        else
        {
            FtpException error = await Assert.ThrowsAsync<FtpException>(() => Call(isAsync, () => ftp.Retr("f.bin", received), () => ftp.RetrAsync("f.bin", received)));
            Assert.Contains("truncated", error.Message);
            Assert.Contains("60 of the 100 bytes", error.Message);
        }

        // Either way the final reply was read whole: the connection goes on.
        Assert.Equal(200, (await Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync())).Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_transfer_refused_after_a_data_connection_that_did_not_resume_says_so(bool isAsync)
    {
        using var data = new TcpListener(IPAddress.Loopback, 0);
        data.Start();
        int dataPort = ((IPEndPoint)data.LocalEndpoint).Port;
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello.");
            await s.ExpectAsync("AUTH TLS");
            await s.ReplyAsync("234 Go ahead.");
            await s.StartTlsAsync(Certificate.Value);
            await s.ExpectAsync("PROT P");
            await s.ReplyAsync("200 PROT now Private.");
            await s.ExpectAsync("TYPE I");
            await s.ReplyAsync("200 Binary.");
            await s.ExpectAsync("EPSV");
            await s.ReplyAsync("500 EPSV not understood.");
            await s.ExpectAsync("PASV");
            await s.ReplyAsync($"227 Entering Passive Mode (127,0,0,1,{dataPort >> 8},{dataPort & 255}).");
            using Socket accepted = await data.AcceptSocketAsync(s.Stop);
            await s.ExpectAsync("RETR");
            await s.ReplyAsync("150 Here it comes.");

            // A server without this session: whatever the client offers, the handshake is a full one.
            var tls = new SslStream(new NetworkStream(accepted, ownsSocket: false));
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate.Value, AllowTlsResume = false }, s.Stop);
            accepted.Close();
            await s.ReplyAsync("522 SSL connection failed: session reuse required");
            await s.ExpectAsync("NOOP");
            await s.ReplyAsync("200 Still here.");
            await s.WaitForCloseAsync();
        });
        FtpConnectionOptions options = Options(FtpEncryption.Explicit);
        options.SslProtocols = SslProtocols.None;
        await using FtpConnection ftp = await Call(isAsync, () => FtpConnection.Connect("127.0.0.1", server.Port, options), () => FtpConnection.ConnectAsync("127.0.0.1", server.Port, options));
        await Call(isAsync, () => ftp.Prot(FtpProtection.Private), () => ftp.ProtAsync(FtpProtection.Private));

        FtpException error = await Assert.ThrowsAsync<FtpException>(() => Call(isAsync, () => ftp.Download("f.bin", new MemoryStream()), () => ftp.DownloadAsync("f.bin", new MemoryStream())));

        Assert.Equal(522, error.Reply?.Code);
        Assert.Contains("data connection did not resume the control connection's TLS session", error.Message);
        Assert.Contains(_log, line => line.StartsWith("TLS: data connection is TLS 1.3, not resuming", StringComparison.Ordinal));
        Assert.Equal(200, (await Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync())).Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_certificate_for_another_name_is_rejected_even_by_a_callback_trusting_its_CA(bool isAsync)
    {
        using X509Certificate2 otherName = X509Certificate2.CreateFromPemFile(TestCertificates.OtherName.CertificatePath, TestCertificates.OtherName.KeyPath);
        SslPolicyErrors seen = SslPolicyErrors.None;
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello.");
            await s.ExpectAsync("AUTH TLS");
            await s.ReplyAsync("234 Go ahead.");
            try
            {
                await s.StartTlsAsync(otherName);
            }
            catch (Exception e) when (e is AuthenticationException or IOException)
            {
            }

            await s.WaitForCloseAsync();
        });
        FtpConnectionOptions options = Options(FtpEncryption.Explicit);
        options.ServerCertificateValidation = (sender, certificate, chain, errors) =>
        {
            seen = errors;
            return TestCertificates.TrustTestCa(sender, certificate, chain, errors);
        };

        AuthenticationException error = await Assert.ThrowsAsync<AuthenticationException>(() => Call(
            isAsync,
            () => FtpConnection.Connect("127.0.0.1", server.Port, options),
            () => FtpConnection.ConnectAsync("127.0.0.1", server.Port, options)));

        Assert.True(seen.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch), seen.ToString());
        Assert.Contains("certificate was not accepted", error.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_self_signed_certificate_is_rejected_by_the_callback_trusting_only_the_test_CA(bool isAsync)
    {
        using X509Certificate2 selfSigned = X509Certificate2.CreateFromPemFile(TestCertificates.SelfSigned.CertificatePath, TestCertificates.SelfSigned.KeyPath);
        await using var server = ScriptedServer.Start(async s =>
        {
            try
            {
                await s.StartTlsAsync(selfSigned);
            }
            catch (Exception e) when (e is AuthenticationException or IOException)
            {
            }

            await s.WaitForCloseAsync();
        });

        await Assert.ThrowsAsync<AuthenticationException>(() => Connect(server, isAsync, FtpEncryption.Implicit));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Implicit_TLS_against_a_plain_greeting_fails_the_handshake_at_once(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Plain text, no TLS here.");
            await s.WaitForCloseAsync();
        });

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<AuthenticationException>(() => Connect(server, isAsync, FtpEncryption.Implicit));

        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(3), elapsed.Elapsed.ToString());
    }

    [Fact]
    public void Tls_versions_this_client_does_not_speak_are_refused_before_connecting()
    {
        var options = new FtpConnectionOptions { Encryption = FtpEncryption.Explicit, SslProtocols = (SslProtocols)768 };

        // Port 1 on loopback: nothing listens, so reaching the network would fail differently.
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => FtpConnection.Connect("127.0.0.1", 1, options));

        Assert.Contains("TLS 1.2", error.Message);
    }

    private FtpConnectionOptions Options(FtpEncryption encryption)
    {
        FtpConnectionOptions options = ScriptedServer.ShortTimeouts(line =>
        {
            lock (_log)
            {
                _log.Add(line);
            }
        });
        // Longer than the plain tests' 1 s: the fake's own TLS handshake can take that long on a busy 2-core machine.
        options.ReadTimeout = TimeSpan.FromSeconds(4);
        options.Encryption = encryption;
        options.SslProtocols = SslProtocols.Tls12;
        options.ServerCertificateValidation = TestCertificates.TrustTestCa;
        return options;
    }

    private Task<FtpConnection> Connect(ScriptedServer server, bool isAsync, FtpEncryption encryption)
    {
        FtpConnectionOptions options = Options(encryption);
        return Call(isAsync, () => FtpConnection.Connect("127.0.0.1", server.Port, options), () => FtpConnection.ConnectAsync("127.0.0.1", server.Port, options));
    }

    private static Task<T> Call<T>(bool isAsync, Func<T> sync, Func<Task<T>> asynchronous)
        => isAsync ? asynchronous() : Task.FromResult(sync());
}
