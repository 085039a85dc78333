using System.Threading.Tasks;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.CredentialsBeforeAuthTlsAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

public class CredentialsBeforeAuthTlsAnalyzerTests
{
    [Fact]
    public Task LoginBeforeAuthTls_IsFlaggedOnTheAuthTls()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.Login(u, pw);
            {|#0:c.AuthTls()|};
            c.AuthTls();
            """), Verify.Diagnostic("FTP0009").WithLocation(0).WithArguments("", "AUTH"));

    [Fact]
    public Task UserOrPassOnEveryPath_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            if (flag) c.User(u); else c.SendCommand("PASS " + pw);
            {|FTP0009:c.SendCommand("AUTH TLS")|};
            """));

    [Fact]
    public Task Async_IsFlagged()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            await using var c = await FtpConnection.ConnectAsync(host);
            await c.LoginAsync(u, pw).ConfigureAwait(false);
            await {|FTP0009:c.AuthTlsAsync()|};
            """));

    [Fact]
    public Task WrapperAndHelper_AreFlagged_ALoopThatSecuresFirstIsNot()
        => Verify.VerifyAnalyzerAsync(Members("""
            void M(string host, string[] files)
            {
                using var c = FtpConnection.Connect(host);
                foreach (var f in files)
                {
                    c.Secure();
                    c.Login("u", "p");
                }
                using var e = FtpConnection.Connect(host);
                e.Pass("p");
                {|#0:e.Secure()|};
                using var d = FtpConnection.Connect(host);
                d.User("u");
                {|#1:Secure(d)|};
            }

            static void Secure(FtpConnection x) => x.AuthTls();
            }

            static class Wrappers
            {
                [FtpCommand("AUTH")]
                public static void Secure(this FtpConnection c) => c.AuthTls();
            """),
            Verify.Diagnostic("FTP0009").WithLocation(0).WithArguments("", "AUTH"),
            Verify.Diagnostic("FTP0009").WithLocation(1).WithArguments(" by Secure(...)", "AUTH"));

    [Fact]
    public Task LookAlikes_AreNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.AuthTls();
            c.Login(u, pw);
            c.AuthTls();
            using var d = FtpConnection.Connect(host);
            if (flag) d.Login(u, pw);
            d.AuthTls();
            p.Login(u, pw);
            p.AuthTls();
            using var t = FtpConnection.Connect(host, 21, new FtpConnectionOptions { Encryption = FtpEncryption.Explicit });
            t.Login(u, pw);
            t.AuthTls();
            using var e = FtpConnection.Connect(host);
            e.Login(u, pw);
            e.SendCommand("AUTH GSSAPI");
            using var g = FtpConnection.Connect(host);
            g.Login(u, pw);
            LoginSomehow(g);
            g.AuthTls();
            """));

    [Fact]
    public Task UnknownEncryption_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Members("""
            FtpConnectionOptions _options = new FtpConnectionOptions();

            void M(string host, FtpEncryption mode)
            {
                using var a = FtpConnection.Connect(host, 21, _options);
                a.Login("u", "p"); a.AuthTls();
                using var b = FtpConnection.Connect(host, 21, new FtpConnectionOptions { Encryption = mode });
                b.Login("u", "p"); b.AuthTls();
                var o = new FtpConnectionOptions();
                o.Encryption = FtpEncryption.Implicit;
                using var d = FtpConnection.Connect(host, 990, o);
                d.Login("u", "p"); d.AuthTls();
                using var e = FtpConnection.Connect(host, 21, new FtpConnectionOptions { Encryption = FtpEncryption.None });
                e.Login("u", "p"); {|FTP0009:e.AuthTls()|};
            }
            """));
}
