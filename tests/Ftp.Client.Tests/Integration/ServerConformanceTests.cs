using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Client.Tests.Fakes;
using Ftp.Client.Tests.Servers;

namespace Ftp.Client.Tests.Integration;

/// <summary>
/// The client against a real server: every test runs once through the sync methods and once
/// through the async ones (<c>isAsync</c>), each on its own connection and its own file names.
/// </summary>
public abstract class ServerConformanceTests
{
    private const int LargeFileSize = 5 * 1024 * 1024 + 123;

    private readonly FtpTestServer _server;
    private readonly List<string> _log = new();

    private protected ServerConformanceTests(FtpTestServer server) => _server = server;

    [Theory, InlineData(false), InlineData(true)]
    public async Task Login_with_the_right_password_completes_with_230(bool isAsync)
    {
        await using FtpConnection ftp = await Connect(isAsync);

        FtpReply reply = await Call(isAsync, () => ftp.Login(_server.UserName, _server.Password), () => ftp.LoginAsync(_server.UserName, _server.Password));

        Assert.Equal(220, ftp.Greeting.Code);
        Assert.Equal(230, reply.Code);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, _server.Port), ftp.RemoteEndPoint);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Login_with_a_wrong_password_throws_with_the_530_and_never_shows_the_password(bool isAsync)
    {
        const string wrong = "Wr0ng-Secret";
        await using FtpConnection ftp = await Connect(isAsync);

        FtpException error = await Assert.ThrowsAsync<FtpException>(
            () => Call(isAsync, () => ftp.Login(_server.UserName, wrong), () => ftp.LoginAsync(_server.UserName, wrong)));

        Assert.Equal(530, error.Reply?.Code);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.Contains("> PASS ****", _log);
        Assert.DoesNotContain(_log, line => line.Contains(wrong));
        // The refusal was read whole: the next command gets its own reply.
        Assert.Equal(331, (await Call(isAsync, () => ftp.User(_server.UserName), () => ftp.UserAsync(_server.UserName))).Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Upload_then_download_of_a_multi_megabyte_binary_file_keeps_every_byte(bool isAsync)
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
        Assert.Contains("> TYPE I", _log);
        Assert.Contains("> EPSV", _log);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task List_and_Nlst_after_Pasv_show_the_files(bool isAsync)
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
    public async Task Appe_appends_to_an_uploaded_file(bool isAsync)
    {
        string name = UniqueName("append.txt");
        await using FtpConnection ftp = await LoggedIn(isAsync);
        await Call(isAsync, () => ftp.Upload(name, Text("first,")), () => ftp.UploadAsync(name, Text("first,")));

        await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());
        FtpReply appended = await Call(isAsync, () => ftp.Appe(name, Text("second")), () => ftp.AppeAsync(name, Text("second")));

        Assert.Equal(226, appended.Code);
        Assert.Equal("first,second", File.ReadAllText(Path.Combine(_server.HomeDirectory, name)));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Rest_resumes_a_download_at_the_offset(bool isAsync)
    {
        byte[] content = RandomBytes(200_000);
        string name = UniqueName("resume.bin");
        File.WriteAllBytes(Path.Combine(_server.HomeDirectory, name), content);
        await using FtpConnection ftp = await LoggedIn(isAsync);

        await Call(isAsync, () => ftp.Type(FtpDataType.Binary), () => ftp.TypeAsync(FtpDataType.Binary));
        await Call(isAsync, () => ftp.Epsv(), () => ftp.EpsvAsync());
        FtpReply rest = await Call(isAsync, () => ftp.Rest(150_000), () => ftp.RestAsync(150_000));
        var tail = new MemoryStream();
        FtpReply retrieved = await Call(isAsync, () => ftp.Retr(name, tail), () => ftp.RetrAsync(name, tail));

        Assert.Equal(350, rest.Code);
        Assert.Equal(226, retrieved.Code);
        Assert.Equal(content.Skip(150_000).ToArray(), tail.ToArray());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Rename_moves_the_file(bool isAsync)
    {
        string from = UniqueName("from.txt");
        string to = UniqueName("to.txt");
        File.WriteAllText(Path.Combine(_server.HomeDirectory, from), "moved");
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply renamed = await Call(isAsync, () => ftp.Rename(from, to), () => ftp.RenameAsync(from, to));

        Assert.Equal(250, renamed.Code);
        Assert.False(File.Exists(Path.Combine(_server.HomeDirectory, from)));
        Assert.Equal("moved", File.ReadAllText(Path.Combine(_server.HomeDirectory, to)));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Rename_of_a_missing_file_throws_with_the_RNFR_refusal(bool isAsync)
    {
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpException error = await Assert.ThrowsAsync<FtpException>(
            () => Call(isAsync, () => ftp.Rename("missing.txt", "x.txt"), () => ftp.RenameAsync("missing.txt", "x.txt")));

        Assert.Equal(550, error.Reply?.Code);
        Assert.Contains("RNFR", error.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Dele_deletes_and_Size_then_reports_550(bool isAsync)
    {
        string name = UniqueName("delete.txt");
        File.WriteAllText(Path.Combine(_server.HomeDirectory, name), "x");
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply deleted = await Call(isAsync, () => ftp.Dele(name), () => ftp.DeleAsync(name));
        FtpReply size = await Call(isAsync, () => ftp.Size(name), () => ftp.SizeAsync(name));

        Assert.Equal(250, deleted.Code);
        Assert.False(File.Exists(Path.Combine(_server.HomeDirectory, name)));
        Assert.Equal(550, size.Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Mkd_Cwd_Pwd_Cdup_Rmd_walk_a_directory(bool isAsync)
    {
        string folder = UniqueName("dir");
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply start = await Call(isAsync, () => ftp.Pwd(), () => ftp.PwdAsync());
        FtpReply made = await Call(isAsync, () => ftp.Mkd(folder), () => ftp.MkdAsync(folder));
        FtpReply entered = await Call(isAsync, () => ftp.Cwd(folder), () => ftp.CwdAsync(folder));
        FtpReply inside = await Call(isAsync, () => ftp.Pwd(), () => ftp.PwdAsync());
        FtpReply up = await Call(isAsync, () => ftp.Cdup(), () => ftp.CdupAsync());
        FtpReply back = await Call(isAsync, () => ftp.Pwd(), () => ftp.PwdAsync());
        FtpReply removed = await Call(isAsync, () => ftp.Rmd(folder), () => ftp.RmdAsync(folder));

        Assert.Equal(257, start.Code);
        Assert.Equal(257, made.Code);
        Assert.Equal(250, entered.Code);
        Assert.Contains("/" + folder + "\"", inside.Message);
        Assert.True(up.IsPositiveCompletion, up.ToString());
        Assert.Equal(start.Message, back.Message);
        Assert.Equal(250, removed.Code);
        Assert.False(Directory.Exists(Path.Combine(_server.HomeDirectory, folder)));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Size_and_Mdtm_describe_the_file(bool isAsync)
    {
        string name = UniqueName("sized.bin");
        string path = Path.Combine(_server.HomeDirectory, name);
        File.WriteAllBytes(path, new byte[1234]);
        File.SetLastWriteTimeUtc(path, new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc));
        await using FtpConnection ftp = await LoggedIn(isAsync);

        await Call(isAsync, () => ftp.Type(FtpDataType.Binary), () => ftp.TypeAsync(FtpDataType.Binary));
        FtpReply size = await Call(isAsync, () => ftp.Size(name), () => ftp.SizeAsync(name));
        FtpReply modified = await Call(isAsync, () => ftp.Mdtm(name), () => ftp.MdtmAsync(name));

        Assert.Equal("213 1234", size.ToString());
        Assert.Equal("213 20210304050607", modified.ToString());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_raw_PASV_arms_the_next_transfer_like_Pasv(bool isAsync)
    {
        string name = UniqueName("raw.txt");
        File.WriteAllText(Path.Combine(_server.HomeDirectory, name), "raw pasv");
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply pasv = await Call(isAsync, () => ftp.SendCommand("PASV"), () => ftp.SendCommandAsync("PASV"));
        var data = new MemoryStream();
        FtpReply retrieved = await Call(isAsync, () => ftp.Retr(name, data), () => ftp.RetrAsync(name, data));

        Assert.Equal(227, pasv.Code);
        Assert.Equal(226, retrieved.Code);
        Assert.Equal("raw pasv", Encoding.UTF8.GetString(data.ToArray()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_raw_EPRT_listens_like_Eprt_and_names_the_port_it_picked(bool isAsync)
    {
        string name = UniqueName("raw-eprt.txt");
        File.WriteAllText(Path.Combine(_server.HomeDirectory, name), "raw eprt");
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply eprt = await Call(isAsync, () => ftp.SendCommand("EPRT |1|127.0.0.1|0|"), () => ftp.SendCommandAsync("EPRT |1|127.0.0.1|0|"));
        var data = new MemoryStream();
        FtpReply retrieved = await Call(isAsync, () => ftp.Retr(name, data), () => ftp.RetrAsync(name, data));

        Assert.Equal(200, eprt.Code);
        Assert.DoesNotContain("> EPRT |1|127.0.0.1|0|", _log);
        Assert.Equal(226, retrieved.Code);
        Assert.Equal("raw eprt", Encoding.UTF8.GetString(data.ToArray()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Port_and_Eprt_transfers_connect_from_the_server(bool isAsync)
    {
        string name = UniqueName("active.txt");
        File.WriteAllText(Path.Combine(_server.HomeDirectory, name), "active mode");
        var local = new IPEndPoint(IPAddress.Loopback, 0);
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply port = await Call(isAsync, () => ftp.Port(local), () => ftp.PortAsync(local));
        var first = new MemoryStream();
        FtpReply firstRetr = await Call(isAsync, () => ftp.Retr(name, first), () => ftp.RetrAsync(name, first));
        FtpReply eprt = await Call(isAsync, () => ftp.Eprt(local), () => ftp.EprtAsync(local));
        var second = new MemoryStream();
        FtpReply secondRetr = await Call(isAsync, () => ftp.Retr(name, second), () => ftp.RetrAsync(name, second));

        Assert.Equal(200, port.Code);
        Assert.Equal(226, firstRetr.Code);
        Assert.Equal("active mode", Encoding.UTF8.GetString(first.ToArray()));
        Assert.Equal(200, eprt.Code);
        Assert.Equal(226, secondRetr.Code);
        Assert.Equal("active mode", Encoding.UTF8.GetString(second.ToArray()));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Retr_of_a_missing_file_returns_the_refusal_and_the_connection_goes_on(bool isAsync)
    {
        await using FtpConnection ftp = await LoggedIn(isAsync);

        await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());
        FtpReply retrieved = await Call(isAsync, () => ftp.Retr("missing.bin", Stream.Null), () => ftp.RetrAsync("missing.bin", Stream.Null));

        Assert.Equal(550, retrieved.Code);
        Assert.Equal(200, (await Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync())).Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Upload_into_a_missing_folder_throws_with_the_refusal(bool isAsync)
    {
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpException error = await Assert.ThrowsAsync<FtpException>(
            () => Call(isAsync, () => ftp.Upload("no-such-folder/f.bin", Text("x")), () => ftp.UploadAsync("no-such-folder/f.bin", Text("x"))));

        Assert.True(error.Reply?.IsPermanentNegative, error.Message);
        Assert.Contains("STOR", error.Message);
        Assert.Equal(200, (await Call(isAsync, () => ftp.Type(FtpDataType.Binary), () => ftp.TypeAsync(FtpDataType.Binary))).Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Pass_without_User_is_503_and_530_on_Pure_FTPd(bool isAsync)
    {
        await using FtpConnection ftp = await Connect(isAsync);

        FtpReply pass = await Call(isAsync, () => ftp.Pass(_server.Password), () => ftp.PassAsync(_server.Password));

        // Row a of shared/ftp-protocol.md.
        Assert.Equal(_server is PureFtpdServer ? 530 : 503, pass.Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Rnto_without_Rnfr_is_503(bool isAsync)
    {
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply rnto = await Call(isAsync, () => ftp.Rnto("x.txt"), () => ftp.RntoAsync("x.txt"));

        Assert.Equal(503, rnto.Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Commands_before_login_are_530(bool isAsync)
    {
        await using FtpConnection ftp = await Connect(isAsync);

        FtpReply pasv = await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());
        FtpReply rnfr = await Call(isAsync, () => ftp.Rnfr("x.txt"), () => ftp.RnfrAsync("x.txt"));
        FtpReply user = await Call(isAsync, () => ftp.User(_server.UserName), () => ftp.UserAsync(_server.UserName));
        FtpReply pwd = await Call(isAsync, () => ftp.Pwd(), () => ftp.PwdAsync());

        Assert.Equal(530, pasv.Code);
        Assert.Equal(530, rnfr.Code);
        Assert.Equal(331, user.Code);
        Assert.Equal(530, pwd.Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_transfer_without_Pasv_throws_before_anything_is_sent(bool isAsync)
    {
        await using FtpConnection ftp = await LoggedIn(isAsync);
        int sentBefore = _log.Count(line => line.StartsWith('>'));

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Call(isAsync, () => ftp.Retr("any.bin", Stream.Null), () => ftp.RetrAsync("any.bin", Stream.Null)));

        Assert.Contains(isAsync ? "call PasvAsync() or EpsvAsync()" : "call Pasv() or Epsv()", error.Message);
        Assert.Contains(isAsync ? "before RetrAsync()" : "before Retr()", error.Message);
        Assert.Equal(sentBefore, _log.Count(line => line.StartsWith('>')));
        Assert.Equal(200, (await Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync())).Code);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_second_Retr_after_one_Pasv_throws_instead_of_the_425_or_hang(bool isAsync)
    {
        string name = UniqueName("once.txt");
        File.WriteAllText(Path.Combine(_server.HomeDirectory, name), "once");
        await using FtpConnection ftp = await LoggedIn(isAsync);

        await Call(isAsync, () => ftp.Pasv(), () => ftp.PasvAsync());
        FtpReply first = await Call(isAsync, () => ftp.Retr(name, Stream.Null), () => ftp.RetrAsync(name, Stream.Null));
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Call(isAsync, () => ftp.Retr(name, Stream.Null), () => ftp.RetrAsync(name, Stream.Null)));

        Assert.Equal(226, first.Code);
        Assert.Single(_log, line => line.StartsWith("> RETR", StringComparison.Ordinal));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Quit_ends_the_session_and_later_calls_say_so(bool isAsync)
    {
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply quit = await Call(isAsync, () => ftp.Quit(), () => ftp.QuitAsync());

        Assert.Equal(221, quit.Code);
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => Call(isAsync, () => ftp.Noop(), () => ftp.NoopAsync()));
        Assert.Contains("QUIT", error.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Feat_Syst_Stat_and_Opts_return_the_server_replies(bool isAsync)
    {
        await using FtpConnection ftp = await LoggedIn(isAsync);

        FtpReply feat = await Call(isAsync, () => ftp.Feat(), () => ftp.FeatAsync());
        FtpReply syst = await Call(isAsync, () => ftp.Syst(), () => ftp.SystAsync());
        FtpReply stat = await Call(isAsync, () => ftp.Stat(), () => ftp.StatAsync());
        FtpReply opts = await Call(isAsync, () => ftp.Opts("UTF8 ON"), () => ftp.OptsAsync("UTF8 ON"));

        Assert.Equal(211, feat.Code);
        Assert.True(feat.Lines.Count > 2, feat.ToString());
        Assert.Contains(feat.Lines, line => line.Trim() == "EPSV");
        Assert.Equal(215, syst.Code);
        Assert.Equal(211, stat.Code);
        // vsftpd: "200 Always in UTF8 mode."; pyftpdlib, always UTF-8, refuses the option: 501;
        // Pure-FTPd does not know OPTS: 504.
        Assert.Contains(opts.Code, new[] { 200, 501, 504 });
    }

    [Fact]
    public void A_cancelled_sync_download_sends_ABOR_and_the_connection_goes_on()
    {
        string name = UniqueName("abort-sync.bin");
        File.WriteAllBytes(Path.Combine(_server.HomeDirectory, name), new byte[48 * 1024 * 1024]);
        string small = UniqueName("after-sync.txt");
        File.WriteAllText(Path.Combine(_server.HomeDirectory, small), "still usable");
        using FtpConnection ftp = FtpConnection.Connect(_server.Host, _server.Port, Options());
        ftp.Login(_server.UserName, _server.Password);
        ftp.Type(FtpDataType.Binary);
        ftp.Epsv();
        using var cancel = new CancellationTokenSource();

        OperationCanceledException error = Assert.ThrowsAny<OperationCanceledException>(
            () => ftp.Retr(name, new CancellingStream(cancel, after: 1024 * 1024), cancel.Token));

        Assert.True(error.Message.Contains("ABOR", StringComparison.Ordinal), error.Message + "\n" + string.Join("\n", _log.TakeLast(20)));
        Assert.Contains("> ABOR", _log);
        Assert.Equal(200, ftp.Noop().Code);
        var back = new MemoryStream();
        Assert.Equal(226, ftp.Download(small, back).Code);
        Assert.Equal("still usable", Encoding.UTF8.GetString(back.ToArray()));
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

        Assert.True(error.Message.Contains("ABOR", StringComparison.Ordinal), error.Message + "\n" + string.Join("\n", _log.TakeLast(20)));
        Assert.Contains("> ABOR", _log);
        Assert.Equal(200, (await ftp.NoopAsync()).Code);
        var back = new MemoryStream();
        Assert.Equal(226, (await ftp.DownloadAsync(small, back)).Code);
        Assert.Equal("still usable", Encoding.UTF8.GetString(back.ToArray()));
    }

    private FtpConnectionOptions Options() => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReadTimeout = TimeSpan.FromSeconds(15),
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

    /// <summary>Runs the sync call on this thread, or awaits the async one.</summary>
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
}

public sealed class VsftpdConformanceTests : ServerConformanceTests, IClassFixture<VsftpdFixture>
{
    public VsftpdConformanceTests(VsftpdFixture fixture)
        : base(fixture.Server)
    {
    }
}

public sealed class PyftpdlibConformanceTests : ServerConformanceTests, IClassFixture<PyftpdlibFixture>
{
    public PyftpdlibConformanceTests(PyftpdlibFixture fixture)
        : base(fixture.Server)
    {
    }
}

public sealed class ProftpdConformanceTests : ServerConformanceTests, IClassFixture<ProftpdFixture>
{
    public ProftpdConformanceTests(ProftpdFixture fixture)
        : base(fixture.Server)
    {
    }
}

public sealed class PureFtpdConformanceTests : ServerConformanceTests, IClassFixture<PureFtpdFixture>
{
    public PureFtpdConformanceTests(PureFtpdFixture fixture)
        : base(fixture.Server)
    {
    }
}
