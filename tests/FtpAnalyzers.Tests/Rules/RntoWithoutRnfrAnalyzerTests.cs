using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.RntoWithoutRnfrAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

public class RntoWithoutRnfrAnalyzerTests
{
    private const string LoggedIn = """
        using var c = FtpConnection.Connect(host);
        c.Login(u, pw);

        """;

    [Fact]
    public Task RntoAfterLogin_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            {|#0:c.Rnto("b")|};
            """), Verify.Diagnostic("FTP0002").WithLocation(0).WithArguments("", "RNTO"));

    [Fact]
    public Task RntoInAMemberJustWithinTheSizeBound_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + Padding(FtpAnalyzers.Rules.SequenceRuleAnalyzer.MaxMemberLength - 2_000) + """
            {|FTP0002:c.Rnto("b")|};
            """));

    [Fact]
    public Task RntoInAMemberPastTheSizeBound_IsNotAnalyzed()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + Padding(FtpAnalyzers.Rules.SequenceRuleAnalyzer.MaxMemberLength) + """
            c.Rnto("b");
            """));

    /// <summary>Statements that send nothing, about <paramref name="length"/> characters of them.</summary>
    private static string Padding(int length)
    {
        var padding = new System.Text.StringBuilder();
        while (padding.Length < length)
            padding.Append("s.Flush();\n");
        return padding.ToString();
    }

    [Fact]
    public Task SecondRnto_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a"); c.Rnto("b"); {|FTP0002:c.Rnto("c")|};
            """));

    [Fact]
    public Task RntoAfterRename_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rename("a", "b"); {|FTP0002:c.Rnto("c")|};
            """));

    [Fact]
    public Task RntoRightAfterTransferOnParameter_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            p.Pasv();
            p.Retr("f", s);
            {|FTP0002:p.Rnto("b")|};
            """));

    [Fact]
    public Task RawAndAsyncRnto_AreFlagged()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            using var c = FtpConnection.Connect(host);
            await c.LoginAsync(u, pw);
            {|FTP0002:c.SendCommand($"RNTO {u}")|};
            await {|FTP0002:c.RntoAsync("x")|};
            await {|FTP0002:c.SendCommandAsync("rnto x")|};
            """));

    [Fact]
    public Task RntoInLoopAfterOneRnfr_IsFlaggedFromSecondIteration()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a");
            foreach (var f in files) {|#0:c.Rnto(f)|};
            """), Verify.Diagnostic("FTP0002").WithLocation(0).WithArguments(" from the second iteration of the loop on", "RNTO"));

    [Fact]
    public Task RntoRightAfterRnfr_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a"); c.Rnto("b");
            c.SendCommand("RNFR a"); c.SendCommand("RNTO b");
            foreach (var f in files) { c.Rnfr(f); c.Rnto(f + ".bak"); }
            if (c.Rnfr("x").Code == 350) c.Rnto("y");
            """));

    [Fact]
    public Task RntoOnParameter_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Members("""
            void Finish(FtpConnection x) => x.Rnto("b");
            """));

    [Fact]
    public Task RntoAfterInterruptedRename_IsLeftToFtp0003()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a"); c.Pwd(); c.Rnto("b");
            """));

    [Fact]
    public Task RntoWhenRnfrOnSomePaths_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            if (flag) c.Rnfr("a");
            c.Rnto("b");
            """));

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
                        c.Noop();
                        {|FTP0002:c.Rnto("b")|};
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
                [FtpCommand("RNTO")]
                public static FtpReply RenameTo(this FtpConnection c, string to) => c.Rnto(to);
            }

            class C
            {
                void M()
                {
                    using var c = FtpConnection.Connect("h");
                    c.Login("u", "p");
                    {|FTP0002:c.RenameTo("b")|};
                    c.Rnfr("a"); c.RenameTo("b");
                }
            }
            """);
}
