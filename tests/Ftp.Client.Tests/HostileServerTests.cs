using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Client.Tests.Fakes;

namespace Ftp.Client.Tests;

/// <summary>
/// Replies no real server sends, played by a scripted fake on loopback. Every wait is bounded by
/// the short timeouts of <see cref="ScriptedServer.ShortTimeouts"/>.
/// </summary>
public class HostileServerTests
{
    private readonly List<string> _log = new();

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_120_greeting_is_waited_through_to_the_220(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("120 Service ready in 1 minute.");
            await s.ReplyAsync("220 Ready now.");
            await s.WaitForCloseAsync();
        });

        await using FtpConnection ftp = await Connect(server, isAsync);

        Assert.Equal("220 Ready now.", ftp.Greeting.ToString());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_greeting_other_than_220_throws_with_the_reply(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("421-Too many users.");
            await s.ReplyAsync("421 Try again later.");
            await s.WaitForCloseAsync();
        });

        FtpException error = await Assert.ThrowsAsync<FtpException>(() => Connect(server, isAsync));

        Assert.Equal(421, error.Reply?.Code);
        Assert.Equal(2, error.Reply?.Lines.Count);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task An_endless_line_is_cut_off(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.SendAsync("220 ");
            string chunk = new('a', 4096);
            while (!s.Stop.IsCancellationRequested)
            {
                await s.SendAsync(chunk);
            }
        });

        await Assert.ThrowsAsync<FtpProtocolException>(() => Connect(server, isAsync));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_reply_that_never_comes_times_out_and_the_connection_is_closed(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("NOOP");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);
        var elapsed = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));

        Assert.InRange(elapsed.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(6));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_reply_trickling_in_byte_by_byte_is_cut_off_by_the_read_timeout(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("NOOP");
            await s.SendAsync("200 ");
            for (int i = 0; i < 200 && !s.Stop.IsCancellationRequested; i++)
            {
                await s.SendAsync("z");
                await Task.Delay(100, s.Stop);
            }
        });
        await using FtpConnection ftp = await Connect(server, isAsync);
        var elapsed = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));

        Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(6));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_server_closing_in_the_middle_of_a_reply_is_a_protocol_error(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("STAT");
            await s.SendAsync("211-first\r\n211-second\r\n");
            s.Close();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        await Assert.ThrowsAsync<FtpProtocolException>(() => Call(isAsync, () => ftp.Stat(), () => ftp.StatAsync()));

        InvalidOperationException after = await Assert.ThrowsAsync<InvalidOperationException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));
        Assert.Contains("closed", after.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_server_closing_between_replies_is_an_FtpException(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("NOOP");
            s.Close();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        FtpException error = await Assert.ThrowsAsync<FtpException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));

        Assert.IsNotType<FtpProtocolException>(error);
    }

    [Theory]
    [InlineData(false, "hello there")]
    [InlineData(true, "hello there")]
    [InlineData(false, "2x0 ok")]
    [InlineData(true, "700 out of range")]
    [InlineData(false, "200_no separator")]
    public async Task A_line_that_is_not_a_reply_is_a_protocol_error(bool isAsync, string garbage)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("NOOP");
            await s.ReplyAsync(garbage);
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        await Assert.ThrowsAsync<FtpProtocolException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_reply_with_too_many_lines_is_cut_off(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("FEAT");
            await s.ReplyAsync("211-Features:");
            var lines = new StringBuilder();
            for (int i = 0; i < 20_000; i++)
            {
                lines.Append(" X\r\n");
            }

            await s.SendAsync(lines.ToString());
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        await Assert.ThrowsAsync<FtpProtocolException>(() => Call(isAsync, () => ftp.Feat(), () => ftp.FeatAsync()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_passive_port_nobody_listens_on_fails_before_the_transfer_command_and_the_connection_goes_on(bool isAsync)
    {
        int closedPort = ClosedPort();
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("PASV");
            await s.ReplyAsync($"227 Entering Passive Mode (127,0,0,1,{closedPort >> 8},{closedPort & 255}).");
            await s.ExpectAsync("NOOP");
            await s.ReplyAsync("200 Still here.");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);
        await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());

        FtpException error = await Assert.ThrowsAsync<FtpException>(() => Call(isAsync, () => ftp.Retr("f", Stream.Null), () => ftp.RetrAsync("f", Stream.Null)));

        Assert.Contains("data connection", error.Message);
        Assert.Equal(200, (await Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync())).Code);
        Assert.DoesNotContain(server.Received, line => line.StartsWith("RETR", StringComparison.Ordinal));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_data_connection_that_never_delivers_times_out(bool isAsync)
    {
        using var data = new TcpListener(IPAddress.Loopback, 0);
        data.Start();
        int dataPort = ((IPEndPoint)data.LocalEndpoint).Port;
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("PASV");
            await s.ReplyAsync($"227 Entering Passive Mode (127,0,0,1,{dataPort >> 8},{dataPort & 255}).");
            await s.ExpectAsync("RETR");
            using Socket accepted = await data.AcceptSocketAsync(s.Stop);
            await s.ReplyAsync("150 Opening data connection.");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);
        await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());

        await Assert.ThrowsAsync<TimeoutException>(() => Call(isAsync, () => ftp.Retr("f", Stream.Null), () => ftp.RetrAsync("f", Stream.Null)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task An_active_data_connection_the_server_never_opens_times_out(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("PORT");
            await s.ReplyAsync("200 PORT command successful.");
            await s.ExpectAsync("RETR");
            await s.ReplyAsync("150 Opening data connection.");
            await s.WaitForCloseAsync();
        });
        var options = ScriptedServer.ShortTimeouts(Log);
        options.ConnectTimeout = TimeSpan.FromMilliseconds(500);
        await using FtpConnection ftp = await Call(isAsync, () => FtpConnection.Connect("127.0.0.1", server.Port, options), () => FtpConnection.ConnectAsync("127.0.0.1", server.Port, options));
        var local = new IPEndPoint(IPAddress.Loopback, 0);
        await Call(isAsync, () => ftp.Port(local), () => ftp.PortAsync(local));

        await Assert.ThrowsAsync<TimeoutException>(() => Call(isAsync, () => ftp.Retr("f", Stream.Null), () => ftp.RetrAsync("f", Stream.Null)));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task The_data_connection_goes_to_the_control_address_whatever_the_227_advertises(bool isAsync)
    {
        using var data = new TcpListener(IPAddress.Loopback, 0);
        data.Start();
        int dataPort = ((IPEndPoint)data.LocalEndpoint).Port;
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("PASV");
            // A hostile server pointing the client at another host.
            await s.ReplyAsync($"227 Entering Passive Mode (10,255,255,1,{dataPort >> 8},{dataPort & 255}).");
            await s.ExpectAsync("RETR");
            using (Socket accepted = await data.AcceptSocketAsync(s.Stop))
            {
                await s.ReplyAsync("125 Data connection already open; transfer starting.");
                await accepted.SendAsync(Encoding.ASCII.GetBytes("payload"), SocketFlags.None, s.Stop);
            }

            await s.ReplyAsync("226 Done.");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);
        await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());
        var destination = new MemoryStream();

        FtpReply reply = await Call(isAsync, () => ftp.Retr("f", destination), () => ftp.RetrAsync("f", destination));

        Assert.Equal(226, reply.Code);
        Assert.Equal("payload", Encoding.ASCII.GetString(destination.ToArray()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Download_falls_back_to_PASV_when_EPSV_is_refused(bool isAsync)
    {
        using var data = new TcpListener(IPAddress.Loopback, 0);
        data.Start();
        int dataPort = ((IPEndPoint)data.LocalEndpoint).Port;
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("TYPE I");
            await s.ReplyAsync("200 Switching to Binary mode.");
            await s.ExpectAsync("EPSV");
            await s.ReplyAsync("500 Unknown command.");
            await s.ExpectAsync("PASV");
            await s.ReplyAsync($"227 Entering Passive Mode (127,0,0,1,{dataPort >> 8},{dataPort & 255}).");
            await s.ExpectAsync("RETR file.bin");
            using (Socket accepted = await data.AcceptSocketAsync(s.Stop))
            {
                await s.ReplyAsync("150-Opening BINARY mode data connection");
                await s.ReplyAsync("150 for file.bin (4 bytes).");
                await accepted.SendAsync(new byte[] { 0, 13, 10, 255 }, SocketFlags.None, s.Stop);
            }

            await s.ReplyAsync("226 Transfer complete.");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);
        var destination = new MemoryStream();

        FtpReply reply = await Call(isAsync, () => ftp.Download("file.bin", destination), () => ftp.DownloadAsync("file.bin", destination));

        Assert.Equal(226, reply.Code);
        Assert.Equal(new byte[] { 0, 13, 10, 255 }, destination.ToArray());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Upload_throws_with_the_reply_when_neither_EPSV_nor_PASV_is_accepted(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("TYPE I");
            await s.ReplyAsync("200 ok");
            await s.ExpectAsync("EPSV");
            await s.ReplyAsync("502 EPSV not implemented.");
            await s.ExpectAsync("PASV");
            await s.ReplyAsync("425 Cannot open passive connection.");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        FtpException error = await Assert.ThrowsAsync<FtpException>(() => Call(isAsync, () => ftp.Upload("f", Stream.Null), () => ftp.UploadAsync("f", Stream.Null)));

        Assert.Equal(425, error.Reply?.Code);
        Assert.DoesNotContain(server.Received, line => line.StartsWith("STOR", StringComparison.Ordinal));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_Pure_ftpd_style_150_sent_only_after_the_data_connection_is_accepted_does_not_hang(bool isAsync)
    {
        using var data = new TcpListener(IPAddress.Loopback, 0);
        data.Start();
        int dataPort = ((IPEndPoint)data.LocalEndpoint).Port;
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220---------- Welcome to Pure-FTPd ----------");
            await s.ReplyAsync("220 You will be disconnected after 15 minutes of inactivity.");
            await s.ExpectAsync("EPSV");
            await s.ReplyAsync($"229 Extended Passive mode OK (|||{dataPort}|)");
            await s.ExpectAsync("STOR");
            using Socket accepted = await data.AcceptSocketAsync(s.Stop);
            await s.ReplyAsync("150 Accepted data connection");
            var buffer = new byte[100];
            int total = 0, count;
            while ((count = await accepted.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None, s.Stop)) > 0)
            {
                total += count;
            }

            await s.ReplyAsync($"226-File successfully transferred");
            await s.ReplyAsync($"226 {total} bytes received");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);
        await Call(isAsync, () => ftp.Epsv(), () => ftp.EpsvAsync());
        var source = new MemoryStream(Encoding.ASCII.GetBytes("twelve bytes"));

        FtpReply reply = await Call(isAsync, () => ftp.Stor("f", source), () => ftp.StorAsync("f", source));

        Assert.Equal(2, ftp.Greeting.Lines.Count);
        Assert.Equal("12 bytes received", reply.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_malformed_227_is_a_protocol_error_that_leaves_the_connection_usable(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("PASV");
            await s.ReplyAsync("227 Entering Passive Mode (127,0,0,1,999,1).");
            await s.ExpectAsync("NOOP");
            await s.ReplyAsync("200 ok");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        await Assert.ThrowsAsync<FtpProtocolException>(() => Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync()));

        Assert.Equal(200, (await Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync())).Code);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(isAsync, () => ftp.Retr("f", Stream.Null), () => ftp.RetrAsync("f", Stream.Null)));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task CR_or_LF_in_an_argument_is_rejected_and_nothing_is_sent(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("NOOP");
            await s.ReplyAsync("200 ok");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        await Assert.ThrowsAsync<ArgumentException>(() => Call(isAsync, () => ftp.Cwd("a\r\nDELE x"), () => ftp.CwdAsync("a\r\nDELE x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Call(isAsync, () => ftp.Dele("x\nRMD y"), () => ftp.DeleAsync("x\nRMD y")));
        await Assert.ThrowsAsync<ArgumentException>(() => Call(isAsync, () => ftp.SendCommand("NOOP\r\nDELE x"), () => ftp.SendCommandAsync("NOOP\r\nDELE x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Call(isAsync, () => ftp.Login("user\r\nDELE x", "p"), () => ftp.LoginAsync("user\r\nDELE x", "p")));
        await Assert.ThrowsAsync<ArgumentException>(() => Call(isAsync, () => ftp.Pass("p\rDELE x"), () => ftp.PassAsync("p\rDELE x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Call(isAsync, () => ftp.Stor("a\nb", Stream.Null), () => ftp.StorAsync("a\nb", Stream.Null)));

        Assert.Equal(200, (await Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync())).Code);
        Assert.Equal(new[] { "NOOP" }, server.Received);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_missing_required_argument_is_rejected_instead_of_sending_a_bare_verb(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        await Assert.ThrowsAsync<ArgumentNullException>(() => Call(isAsync, () => ftp.User(null!), () => ftp.UserAsync(null!)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Call(isAsync, () => ftp.Cwd(null!), () => ftp.CwdAsync(null!)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Call(isAsync, () => ftp.Retr(null!, Stream.Null), () => ftp.RetrAsync(null!, Stream.Null)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Call(isAsync, () => ftp.Retr("f", null!), () => ftp.RetrAsync("f", null!)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Call(isAsync, () => ftp.SendCommand(null!), () => ftp.SendCommandAsync(null!)));
        await Assert.ThrowsAsync<ArgumentException>(() => Call(isAsync, () => ftp.SendCommand(""), () => ftp.SendCommandAsync("")));

        Assert.Empty(server.Received);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task The_password_never_shows_in_the_log_or_the_exception(bool isAsync)
    {
        const string secret = "S3cret-Password";
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("USER");
            await s.ReplyAsync("331 Password please.");
            await s.ExpectAsync("PASS");
            await s.ReplyAsync("530 Login incorrect.");
            await s.ExpectAsync("pass");
            await s.ReplyAsync("503 Login with USER first.");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        FtpException error = await Assert.ThrowsAsync<FtpException>(() => Call(isAsync, () => ftp.Login("bob", secret), () => ftp.LoginAsync("bob", secret)));
        FtpReply raw = await Call(isAsync, () => ftp.SendCommand("pass " + secret), () => ftp.SendCommandAsync("pass " + secret));

        Assert.Equal(530, error.Reply?.Code);
        Assert.Equal(503, raw.Code);
        Assert.DoesNotContain(secret, error.ToString());
        Assert.Equal(new[] { "> USER bob", "> PASS ****", "> PASS ****" }, _log.Where(l => l.StartsWith('>')));
        Assert.Contains("pass " + secret, server.Received);
    }

    [Theory]
    [InlineData(false, "RETR file")]
    [InlineData(true, "stor file")]
    [InlineData(false, "LIST")]
    [InlineData(true, "MLSD /")]
    [InlineData(false, "STOU")]
    public async Task A_raw_transfer_command_is_refused_before_it_is_sent(bool isAsync, string line)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => Call(isAsync, () => ftp.SendCommand(line), () => ftp.SendCommandAsync(line)));

        Assert.Contains("stream", error.Message);
        Assert.Empty(server.Received);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_raw_EPSV_arms_the_transfer_and_a_raw_EPSV_ALL_does_not(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("epsv");
            await s.ReplyAsync("229 Entering Extended Passive Mode (|||1|)");
            await s.ExpectAsync("EPSV ALL");
            await s.ReplyAsync("200 EPSV ALL ok.");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync);

        await Call(isAsync, () => ftp.SendCommand("epsv"), () => ftp.SendCommandAsync("epsv"));
        await Call(isAsync, () => ftp.SendCommand("EPSV ALL"), () => ftp.SendCommandAsync("EPSV ALL"));

        // The 229 armed a data connection; EPSV ALL replaced it with nothing (200 is not a 229).
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(isAsync, () => ftp.Retr("f", Stream.Null), () => ftp.RetrAsync("f", Stream.Null)));
    }

    [Fact]
    public async Task Cancelling_an_async_command_ends_it_promptly_and_closes_the_connection()
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("NOOP");
            await s.WaitForCloseAsync();
        });
        var options = ScriptedServer.ShortTimeouts(Log);
        options.ReadTimeout = TimeSpan.FromSeconds(10);
        await using FtpConnection ftp = await FtpConnection.ConnectAsync("127.0.0.1", server.Port, options);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var elapsed = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ftp.NoopAsync(cancel.Token));

        Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ftp.NoopAsync());
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing_and_keeps_the_connection()
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.ExpectAsync("NOOP");
            await s.ReplyAsync("200 ok");
            await s.WaitForCloseAsync();
        });
        await using FtpConnection ftp = await Connect(server, isAsync: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ftp.NoopAsync(new CancellationToken(canceled: true)));

        Assert.Equal(200, (await ftp.NoopAsync()).Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_disposed_connection_throws_ObjectDisposedException(bool isAsync)
    {
        await using var server = ScriptedServer.Start(async s =>
        {
            await s.ReplyAsync("220 Hello");
            await s.WaitForCloseAsync();
        });
        FtpConnection ftp = await Connect(server, isAsync);
        await ftp.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));
    }

    [Fact]
    public async Task Connecting_to_a_closed_port_fails_with_an_FtpException()
    {
        int port = ClosedPort();

        Assert.Throws<FtpException>(() => FtpConnection.Connect("127.0.0.1", port, ScriptedServer.ShortTimeouts()));
        await Assert.ThrowsAsync<FtpException>(() => FtpConnection.ConnectAsync("127.0.0.1", port, ScriptedServer.ShortTimeouts()));
    }

    private void Log(string line)
    {
        lock (_log)
        {
            _log.Add(line);
        }
    }

    private Task<FtpConnection> Connect(ScriptedServer server, bool isAsync)
    {
        FtpConnectionOptions options = ScriptedServer.ShortTimeouts(Log);
        return Call(isAsync, () => FtpConnection.Connect("127.0.0.1", server.Port, options), () => FtpConnection.ConnectAsync("127.0.0.1", server.Port, options));
    }

    private static Task<T> Call<T>(bool isAsync, Func<T> sync, Func<Task<T>> asynchronous)
        => isAsync ? asynchronous() : Task.FromResult(sync());

    private static int ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
