using System.Threading.Tasks;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.TlsSetupOutOfOrderAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

public class TlsSetupOutOfOrderAnalyzerTests
{
    private const string Plain = """
        using var c = FtpConnection.Connect(host);

        """;

    [Fact]
    public Task PbszBeforeAuthTls_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(Plain + """
            {|#0:c.Pbsz(0)|};
            c.AuthTls();
            c.Pbsz(0);
            """), Verify.Diagnostic("FTP0008").WithLocation(0).WithArguments("", "PBSZ"));

    [Fact]
    public Task ProtBeforeAuthTlsAndBeforePbsz_AreFlagged()
        => Verify.VerifyAnalyzerAsync(Method(Plain + """
            {|#0:c.Prot(FtpProtection.Private)|};
            c.AuthTls();
            {|#1:c.Prot(FtpProtection.Clear)|};
            c.Pbsz(0);
            c.Prot(FtpProtection.Private);
            """),
            Verify.Diagnostic("FTP0008").WithLocation(0).WithArguments("", "PROT P"),
            Verify.Diagnostic("FTP0008").WithLocation(1).WithArguments("", "PROT C"));

    [Fact]
    public Task PbszRefusedBeforeAuth_DoesNotCountForProt()
        => Verify.VerifyAnalyzerAsync(Method(Plain + """
            {|FTP0008:c.Pbsz(0)|};
            c.AuthTls();
            {|FTP0008:c.Prot(FtpProtection.Private)|};
            """));

    [Fact]
    public Task RawCommands_AreFlagged()
        => Verify.VerifyAnalyzerAsync(Method(Plain + """
            {|FTP0008:c.SendCommand("PBSZ 0")|};
            c.SendCommand("AUTH TLS");
            {|FTP0008:c.SendCommand("prot p")|};
            c.SendCommand("PBSZ 0");
            c.SendCommand("PROT P");
            """));

    [Fact]
    public Task RefusedAuthTls_LeavesTheChannelClear()
        => Verify.VerifyAnalyzerAsync(Method(Plain + """
            if (c.AuthTls().Code != 234)
            {
                {|FTP0008:c.Pbsz(0)|};
                return;
            }
            c.Pbsz(0);
            """));

    [Fact]
    public Task Async_IsFlagged()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            await using var c = await FtpConnection.ConnectAsync(host);
            await {|FTP0008:c.PbszAsync()|};
            await c.AuthTlsAsync().ConfigureAwait(false);
            await c.PbszAsync(0);
            await c.ProtAsync(FtpProtection.Private);
            """));

    [Fact]
    public Task LookAlikes_AreNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            if (flag) c.AuthTls();
            c.Pbsz(0);
            p.Pbsz(0);
            p.Prot(FtpProtection.Private);
            using var t = FtpConnection.Connect(host, 21, new FtpConnectionOptions { Encryption = FtpEncryption.Explicit });
            t.Pbsz(0);
            t.Prot(FtpProtection.Private);
            c.SendCommand("AUTH GSSAPI");
            c.Pbsz(0);
            """));

    [Fact]
    public Task ExplicitConnection_ProtBeforeLoginWithoutPbsz_IsFlagged_AfterLoginNot()
        => Verify.VerifyAnalyzerAsync(Method("""
            var options = new FtpConnectionOptions { Encryption = FtpEncryption.Implicit, Log = Console.WriteLine };
            using var t = FtpConnection.Connect(host, 990, options);
            {|FTP0008:t.Prot(FtpProtection.Private)|};
            t.Login(u, pw);
            t.Prot(FtpProtection.Private);
            """));

    [Fact]
    public Task WrapperAndHelper_AreFlagged()
        => Verify.VerifyAnalyzerAsync(Members("""
            void M(string host)
            {
                using var c = FtpConnection.Connect(host);
                {|FTP0008:c.SetBufferSize()|};
                {|#0:Protect(c)|};
            }

            static void Protect(FtpConnection x) { x.Pbsz(0); x.Prot(FtpProtection.Private); }
            }

            static class Wrappers
            {
                [FtpCommand("PBSZ")]
                public static void SetBufferSize(this FtpConnection c) => c.Pbsz(0);
            """), Verify.Diagnostic("FTP0008").WithLocation(0).WithArguments(" by Protect(...)", "PBSZ"));
}
