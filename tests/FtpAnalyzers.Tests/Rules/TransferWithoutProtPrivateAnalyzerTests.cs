using System.Threading.Tasks;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.TransferWithoutProtPrivateAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

public class TransferWithoutProtPrivateAnalyzerTests
{
    private const string Tls = """
        using var c = FtpConnection.Connect(host);
        c.AuthTls();
        c.Login(u, pw);

        """;

    [Fact]
    public Task TransferAfterAuthTlsWithoutProt_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(Tls + """
            c.Pasv();
            {|#0:c.Retr("f", s)|};
            {|FTP0010:c.Download("f", s)|};
            c.Pbsz(0);
            c.Prot(FtpProtection.Private);
            c.Download("f", s);
            c.Prot(FtpProtection.Clear);
            c.Pasv();
            {|FTP0010:c.List(s)|};
            """), Verify.Diagnostic("FTP0010").WithLocation(0).WithArguments("", "RETR"));

    [Fact]
    public Task RawCommands_AreRecognized()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.SendCommand("AUTH TLS");
            c.Login(u, pw);
            c.SendCommand("PBSZ 0");
            c.Pasv();
            {|FTP0010:c.SendCommand("STOR f")|};
            c.SendCommand("PROT P");
            c.Pasv();
            c.SendCommand("STOR f");
            """));

    [Fact]
    public Task AsyncAndLoop_AreFlagged()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            await using var c = await FtpConnection.ConnectAsync(host);
            await c.AuthTlsAsync();
            await c.LoginAsync(u, pw);
            await c.PbszAsync();
            await c.ProtAsync(FtpProtection.Private).ConfigureAwait(false);
            foreach (var f in files)
            {
                await {|#0:c.UploadAsync(f, s)|};
                await c.ProtAsync(FtpProtection.Clear);
            }
            """), Verify.Diagnostic("FTP0010").WithLocation(0).WithArguments(" from the second iteration of the loop on", "STOR"));

    [Fact]
    public Task ExplicitConnection_WithProtClearBeforeLogin_IsProtectedByTheClient()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var t = FtpConnection.Connect(host, 21, new FtpConnectionOptions { Encryption = FtpEncryption.Explicit });
            t.Login(u, pw);
            t.Download("f", s);
            t.Prot(FtpProtection.Clear);
            {|FTP0010:t.Download("f", s)|};
            var o = new FtpConnectionOptions { Encryption = FtpEncryption.Implicit };
            using var i = FtpConnection.Connect(host, 990, o);
            i.Prot(FtpProtection.Clear);
            i.Login(u, pw);
            i.Download("f", s);
            """));

    [Fact]
    public Task HelperAndWrapper_AreFlagged()
        => Verify.VerifyAnalyzerAsync(Members("""
            void M(string host, System.IO.Stream s)
            {
                using var c = FtpConnection.Connect(host);
                c.AuthTls();
                c.Login("u", "p");
                c.Pasv();
                {|FTP0010:c.Fetch("a")|};
                {|#0:Fetch(c, s)|};
                c.Protect();
                c.Download("a", s);
            }

            static void Fetch(FtpConnection x, System.IO.Stream s) => x.Download("a", s);
            }

            static class Wrappers
            {
                [FtpCommand("RETR")]
                public static FtpReply Fetch(this FtpConnection c, string path) => c.Retr(path, System.IO.Stream.Null);

                [FtpCommand("PROT")]
                public static FtpReply Protect(this FtpConnection c, FtpProtection level = FtpProtection.Private) => c.Prot(level);
            """), Verify.Diagnostic("FTP0010").WithLocation(0).WithArguments(" by Fetch(...)", "RETR"));

    [Fact]
    public Task LookAlikes_AreNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.Login(u, pw);
            c.Download("f", s);
            using var r = FtpConnection.Connect(host);
            if (r.AuthTls().Code != 234) { r.Login(u, pw); r.Download("f", s); return; }
            using var b = FtpConnection.Connect(host);
            if (flag) b.AuthTls();
            b.Login(u, pw);
            b.Download("f", s);
            p.AuthTls();
            p.Download("f", s);
            using var q = FtpConnection.Connect(host);
            q.AuthTls();
            q.Pasv();
            q.Retr("f", s);
            using var w = FtpConnection.Connect(host);
            w.AuthTls();
            w.Login(u, pw);
            w.Pbsz(0);
            w.Prot(flag ? FtpProtection.Private : FtpProtection.Clear);
            w.Download("f", s);
            using var e = FtpConnection.Connect(host);
            e.AuthTls();
            LoginSomehow(e);
            e.Download("f", s);
            """));

    [Fact]
    public Task EncryptionWrittenAnyWay_IsSeen()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            await using var a = await FtpConnection.ConnectAsync(host, options: new() { Encryption = (FtpEncryption)2 });
            await a.LoginAsync(u, pw);
            await a.ProtAsync(FtpProtection.Clear);
            await {|FTP0010:a.DownloadAsync("f", s)|};
            using var b = FtpConnection.Connect(host, 21, null);
            b.AuthTls();
            b.Login(u, pw);
            {|FTP0010:b.Download("f", s)|};
            var shared = new FtpConnectionOptions { Encryption = FtpEncryption.Explicit };
            Configure(shared);
            using var d = FtpConnection.Connect(host, 21, shared);
            d.Login(u, pw);
            d.Prot(FtpProtection.Clear);
            d.Download("f", s);
            void Configure(FtpConnectionOptions o) { }
            """));
}
