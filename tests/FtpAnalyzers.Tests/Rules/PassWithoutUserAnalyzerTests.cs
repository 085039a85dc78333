using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.PassWithoutUserAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

public class PassWithoutUserAnalyzerTests
{
    [Fact]
    public Task PassRightAfterConnect_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            {|#0:c.Pass(pw)|};
            """), Verify.Diagnostic("FTP0001").WithLocation(0).WithArguments("", "PASS"));

    [Fact]
    public Task SecondPass_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.User(u); c.Pass(pw); {|FTP0001:c.Pass(pw)|};
            """));

    [Fact]
    public Task SecondPassOnParameter_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            p.User(u); p.Pass(pw); {|FTP0001:p.Pass(pw)|};
            """));

    [Fact]
    public Task PassAfterPassOnUnknownConnection_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            p.Pass(pw); {|FTP0001:p.Pass(pw)|};
            """));

    [Fact]
    public Task RawPass_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            {|FTP0001:c.SendCommand("PASS " + pw)|};
            {|FTP0001:c.SendCommand($"pass {pw}")|};
            {|FTP0001:c.SendCommand("Pass secret")|};
            """));

    [Fact]
    public Task PassAfterLogin_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.Login(u, pw);
            {|FTP0001:c.Pass(pw)|};
            """));

    [Fact]
    public Task AsyncPass_IsFlagged()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            await using var c = await FtpConnection.ConnectAsync(host).ConfigureAwait(false);
            await {|FTP0001:c.PassAsync(pw)|}.ConfigureAwait(false);
            await {|FTP0001:c.SendCommandAsync("PASS x")|};
            """));

    [Fact]
    public Task PassAfterUserAndOtherCommands_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.User(u); c.Noop(); c.Pass(pw);
            """));

    [Fact]
    public Task PassGuardedByUserReply_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            if (c.User(u).Code == 331) c.Pass(pw);
            """));

    [Fact]
    public Task PassOnParameter_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Members("""
            void Helper(FtpConnection x, string pw) { x.Pass(pw); }
            """));

    [Fact]
    public Task PassWhenUserSentOnSomePaths_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            if (flag) c.User(u);
            c.Pass(pw);
            """));

    [Fact]
    public Task PassAfterEscape_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            LoginSomehow(c);
            c.Pass(pw);
            """));

    [Fact]
    public Task UserThenPassInLoop_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            foreach (var f in files) { c.User(f); c.Pass(pw); }
            """));

    [Fact]
    public Task OnePassInLoopAfterOneUser_IsFlaggedFromSecondIteration()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.User(u);
            foreach (var f in files) {|#0:c.Pass(f)|};
            """), Verify.Diagnostic("FTP0001").WithLocation(0).WithArguments(" from the second iteration of the loop on", "PASS"));

    [Fact]
    public Task CSharp7_3_IsFlagged()
        => new Verify.Test
        {
            LanguageVersion = LanguageVersion.CSharp7_3,
            TestCode = """
                using Ftp;
                class C
                {
                    void M(string host, string pw)
                    {
                        using (var c = FtpConnection.Connect(host))
                        {
                            c.User("u");
                            c?.Noop();
                            c.Pass(pw);
                            {|FTP0001:c.Pass(pw)|};
                        }
                    }
                }
                """,
        }.RunAsync();

    [Fact]
    public Task ConditionalAccess_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            var c = FtpConnection.Connect(host);
            c?{|FTP0001:.Pass(pw)|};
            """));

    [Fact]
    public Task WrapperWithFtpCommand_IsACommand()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using Ftp;

            static class Wrappers
            {
                [FtpCommand("PASS")]
                public static FtpReply SendPassword(this FtpConnection c, string pw) => c.Pass(pw);
            }

            class C
            {
                void M()
                {
                    using var c = FtpConnection.Connect("h");
                    {|FTP0001:c.SendPassword("p")|};
                    c.User("u"); c.SendPassword("p");
                    {|FTP0001:Wrappers.SendPassword(c, "p")|};
                }
            }
            """);
}
