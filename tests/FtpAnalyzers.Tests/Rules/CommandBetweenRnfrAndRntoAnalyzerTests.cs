using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.CommandBetweenRnfrAndRntoAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

public class CommandBetweenRnfrAndRntoAnalyzerTests
{
    private const string LoggedIn = """
        using var c = FtpConnection.Connect(host);
        c.Login(u, pw);

        """;

    [Fact]
    public Task CommandBetween_IsFlaggedOnThatCommand()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a"); {|#0:c.Pwd()|}; c.Rnto("b");
            """), Verify.Diagnostic("FTP0003").WithLocation(0).WithArguments("", "PWD"));

    [Fact]
    public Task OnlyTheFirstCommandBetween_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a"); {|FTP0003:c.Noop()|}; c.Type(FtpDataType.Binary); c.Rnto("b");
            """));

    [Fact]
    public Task HelperBetween_IsFlaggedWithItsFirstVerb()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a"); {|#0:c.Download("f", s)|}; c.Rnto("b");
            """), Verify.Diagnostic("FTP0003").WithLocation(0).WithArguments("", "TYPE"));

    [Fact]
    public Task RawAndAsyncCommandBetween_IsFlagged()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            p.SendCommand("RNFR a");
            await {|FTP0003:p.SendCommandAsync("SIZE a")|};
            p.Rnto("b");
            await p.RnfrAsync("c");
            await {|FTP0003:p.CwdAsync("/")|}.ConfigureAwait(false);
            """));

    [Fact]
    public Task CommandBetweenOnEveryPath_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            p.Rnfr("a");
            if (flag) {|FTP0003:p.Pwd()|}; else {|FTP0003:p.Noop()|};
            p.Rnto("b");
            """));

    [Fact]
    public Task RntoRightAfterRnfr_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a"); c.Rnto("b");
            c.Pwd();
            c.Rename("x", "y");
            c.Pwd();
            """));

    [Fact]
    public Task NewRnfrOrQuitAfterRnfr_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a"); c.Rnfr("b"); c.Rnto("c");
            c.Rnfr("d"); c.Quit();
            """));

    [Fact]
    public Task CommandAfterRnfrOnSomePaths_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            if (flag) c.Rnfr("a");
            c.Pwd();
            """));

    [Fact]
    public Task EscapedBetween_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a");
            LoginSomehow(c);
            c.Pwd();
            """));

    [Fact]
    public Task CommandBeforeRnfrInLoop_IsFlaggedFromSecondIteration()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            foreach (var f in files)
            {
                {|#0:c.Pwd()|};
                c.Rnfr(f);
            }
            """), Verify.Diagnostic("FTP0003").WithLocation(0).WithArguments(" from the second iteration of the loop on", "PWD"));

    [Fact]
    public Task CSharp7_3_IsFlagged()
        => new Verify.Test
        {
            LanguageVersion = LanguageVersion.CSharp7_3,
            TestCode = """
                using Ftp;
                class C
                {
                    void M(FtpConnection c)
                    {
                        c.Rnfr("a");
                        {|FTP0003:c.Mkd("d")|};
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
                [FtpCommand("PWD")]
                public static FtpReply Where(this FtpConnection c, string unused) => c.Pwd();
            }

            class C
            {
                void M()
                {
                    using var c = FtpConnection.Connect("h");
                    c.Login("u", "p");
                    c.Rnfr("a"); {|FTP0003:c.Where("x")|}; c.Rnto("b");
                }
            }
            """);
}
