using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.TransferWithoutDataConnectionAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

public class TransferWithoutDataConnectionAnalyzerTests
{
    private const string LoggedIn = """
        using var c = FtpConnection.Connect(host);
        c.Login(u, pw);

        """;

    [Fact]
    public Task RetrWithoutPasv_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            {|#0:c.Retr("f", s)|};
            """), Verify.Diagnostic("FTP0004").WithLocation(0).WithArguments("", "RETR"));

    [Fact]
    public Task EveryTransferVerb_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            {|FTP0004:c.Stor("f", s)|};
            {|FTP0004:c.Appe("f", s)|};
            {|FTP0004:c.List(s)|};
            {|FTP0004:c.Nlst(s, "d")|};
            {|FTP0004:c.Mlsd(s)|};
            {|FTP0004:c.SendCommand("STOU")|};
            """));

    [Fact]
    public Task SecondTransferAfterOnePasv_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Pasv(); c.Retr("a", s); {|#0:c.Retr("b", s)|};
            """), Verify.Diagnostic("FTP0004").WithLocation(0).WithArguments("", "RETR"));

    [Fact]
    public Task SecondTransferOnParameter_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            p.Epsv(); p.Stor("a", s); {|FTP0004:p.Stor("b", s)|};
            """));

    [Fact]
    public Task TransferInLoopAfterOnePasv_IsFlaggedFromSecondIteration()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Pasv(); foreach (var f in files) {|#0:c.Retr(f, s)|};
            """), Verify.Diagnostic("FTP0004").WithLocation(0).WithArguments(" from the second iteration of the loop on", "RETR"));

    [Fact]
    public Task TransferInWhileLoopOnParameter_IsFlaggedFromSecondIteration()
        => Verify.VerifyAnalyzerAsync(Method("""
            p.Pasv();
            var i = 0;
            while (i++ < 3)
            {
                p.Noop();
                {|#0:p.List(s)|};
            }
            """), Verify.Diagnostic("FTP0004").WithLocation(0).WithArguments(" from the second iteration of the loop on", "LIST"));

    [Fact]
    public Task AsyncRetr_IsFlagged()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            await using var c = await FtpConnection.ConnectAsync(host);
            await c.LoginAsync(u, pw);
            await {|FTP0004:c.RetrAsync("f", s)|};
            await c.PasvAsync().ConfigureAwait(false);
            await c.RetrAsync("f", s).ConfigureAwait(false);
            await {|FTP0004:c.RetrAsync("f", s)|}.ConfigureAwait(false);
            var pending = {|FTP0004:c.StorAsync("g", s)|};
            await pending;
            """));

    [Fact]
    public Task RawTransfer_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.SendCommand("PASV");
            c.SendCommand($"RETR {u}");
            {|FTP0004:c.SendCommand("retr " + u)|};
            """));

    [Fact]
    public Task CommandsBetweenPasvAndTransfer_AreNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Pasv(); c.Type(FtpDataType.Binary); c.Size("f"); c.Retr("f", s);
            """));

    [Fact]
    public Task PasvInsideLoop_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            foreach (var f in files) { c.Pasv(); c.Retr(f, s); }
            for (var i = 0; i < 3; i++) { c.Epsv(); c.List(s); }
            """));

    [Fact]
    public Task EveryArmingVerb_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Pasv(); c.Retr("a", s);
            c.Epsv(); c.Retr("a", s);
            c.Port(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)); c.Retr("a", s);
            c.Eprt(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)); c.Retr("a", s);
            c.SendCommand("EPSV"); c.Retr("a", s);
            """));

    [Fact]
    public Task CorrelatedBranches_AreNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            if (flag) c.Pasv();
            if (flag) c.Retr("f", s);
            """));

    [Fact]
    public Task TransferOnParameter_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            p.Retr("f", s);
            """));

    [Fact]
    public Task EscapedConnection_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Pasv(); c.Retr("a", s);
            LoginSomehow(c);
            c.Retr("b", s);
            """));

    [Fact]
    public Task Helpers_AreNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rename("a", "b");
            c.Download("f", s);
            c.Upload("g", s);
            c.Download("f", s);
            """));

    [Fact]
    public Task UnknownRawCommand_MakesStateUnknown()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            var line = flag ? "PASV" : "NOOP";
            c.SendCommand(line);
            c.Retr("f", s);
            c.SendCommand("SITE SOMETHING");
            c.Retr("g", s);
            """));

    [Fact]
    public Task CSharp7_3_IsFlagged()
        => new Verify.Test
        {
            LanguageVersion = LanguageVersion.CSharp7_3,
            TestCode = """
                using System.IO;
                using Ftp;
                class C
                {
                    void M(string host, Stream s)
                    {
                        using (var c = FtpConnection.Connect(host))
                        {
                            c.Login("u", "p");
                            c.Pasv();
                            c.Retr("a", s);
                            {|FTP0004:c.Retr("b", s)|};
                        }
                    }
                }
                """,
        }.RunAsync();

    [Fact]
    public Task WrapperWithFtpCommand_IsACommand()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using Ftp;

            static class Wrappers
            {
                [FtpCommand("RETR")]
                public static FtpReply Fetch(this FtpConnection c, string path) => c.Retr(path, Stream.Null);
            }

            class C
            {
                void M()
                {
                    using var c = FtpConnection.Connect("h");
                    c.Login("u", "p");
                    {|FTP0004:c.Fetch("a")|};
                    c.Pasv(); c.Fetch("a");
                }
            }
            """);
}
