using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Between = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.CommandBetweenRnfrAndRntoAnalyzer>;
using BeforeLogin = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.CommandBeforeLoginAnalyzer>;
using NoData = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.TransferWithoutDataConnectionAnalyzer>;
using NoUser = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.PassWithoutUserAnalyzer>;

namespace FtpAnalyzers.Tests.Flow;

/// <summary>
/// Helpers of the compilation that act on a connection they receive: a mistake their caller's
/// state causes inside them is reported on the call, naming the helper; what they leave decides
/// what comes after them. Helpers the analysis cannot see through stay escapes: silence.
/// </summary>
public class HelperSummaryTests
{
    private const string Helpers = """
            static void SignIn(FtpConnection c, string user, string password) { c.User(user); c.Pass(password); }
            static void Put(FtpConnection c, string name, Stream data) { c.Pasv(); c.Stor(name, data); }
            static FtpReply Fetch(FtpConnection c, string path, Stream data) => c.Retr(path, data);
            static void Check(FtpConnection c) => c.Pwd();
            static void MaybeSignIn(FtpConnection c, bool really) { if (really) c.Login("u", "p"); }
            static async Task PutAsync(FtpConnection c, Stream data) { await c.PasvAsync(); await c.StorAsync("up.txt", data); }
        """;

    private static string Program(string statements, string helpers = Helpers) => Members(helpers + $$"""

            void M(string host, Stream s)
            {
                using var ftp = FtpConnection.Connect(host);
        {{statements}}
            }
        """);

    [Fact]
    public Task PassAfterAHelperThatLoggedIn_IsFlagged()
        => NoUser.VerifyAnalyzerAsync(Program("""
                SignIn(ftp, "u", "p");
                {|FTP0001:ftp.Pass("p")|};
            """));

    [Fact]
    public Task TransferAfterAHelperThatUsedThePasv_IsFlagged()
        => NoData.VerifyAnalyzerAsync(Program("""
                ftp.Login("u", "p");
                Put(ftp, "up.txt", s);
                {|FTP0004:ftp.Nlst(s)|};
            """));

    [Fact]
    public Task HelperThatTransfersWithoutPasv_IsFlaggedOnTheCall_NamingIt()
        => NoData.VerifyAnalyzerAsync(
            Program("""
                    ftp.Login("u", "p");
                    var r = {|#0:Fetch(ftp, "a.txt", s)|};
                    ftp.Pasv();
                    Fetch(ftp, "b.txt", s);
                """),
            NoData.Diagnostic("FTP0004").WithLocation(0).WithArguments(" by Fetch(...)", "RETR"));

    [Fact]
    public Task HelperBetweenRnfrAndRnto_IsFlaggedOnTheCall()
        => Between.VerifyAnalyzerAsync(
            Program("""
                    ftp.Login("u", "p");
                    ftp.Rnfr("a");
                    {|#0:Check(ftp)|};
                    ftp.Rnto("b");
                """),
            Between.Diagnostic("FTP0003").WithLocation(0).WithArguments(" by Check(...)", "PWD"));

    [Fact]
    public Task CommandBeforeLoginInAHelper_IsFlaggedOnTheCall()
        => BeforeLogin.VerifyAnalyzerAsync(Program("""
                {|FTP0005:Check(ftp)|};
                ftp.Login("u", "p");
                Check(ftp);
            """));

    [Fact]
    public Task MemberThatOnlyOpensAndCallsHelpers_IsAnalyzed()
        => NoData.VerifyAnalyzerAsync(Program("""
                SignIn(ftp, "u", "p");
                {|FTP0004:Fetch(ftp, "a.txt", s)|};
            """));

    [Fact]
    public Task AwaitedAsyncHelper_IsFollowed()
        => NoData.VerifyAnalyzerAsync(Members(Helpers + """

                async Task M(string host, Stream s)
                {
                    await using var ftp = await FtpConnection.ConnectAsync(host);
                    await ftp.LoginAsync("u", "p");
                    await PutAsync(ftp, s);
                    await {|FTP0004:ftp.NlstAsync(s)|};
                }
            """));

    [Fact]
    public Task ExtensionHelperInAnotherFile_IsFollowed()
        => new NoData.Test
        {
            TestState =
            {
                Sources =
                {
                    Members("""
                        void M(string host, Stream s)
                        {
                            using var ftp = FtpConnection.Connect(host);
                            ftp.Login("u", "p");
                            ftp.Upload2("up.txt", s);
                            {|FTP0004:ftp.Retr("up.txt", s)|};
                        }
                        """),
                    """
                    using System.IO;
                    using Ftp;

                    static class Transfers
                    {
                        public static void Upload2(this FtpConnection c, string name, Stream data) { c.Epsv(); c.Stor(name, data); }
                    }
                    """,
                },
            },
        }.RunAsync();

    [Fact]
    public Task ChainOfThreeHelpers_IsFollowed()
        => NoData.VerifyAnalyzerAsync(Program(
            """
                    ftp.Login("u", "p");
                    {|FTP0004:One(ftp, s)|};
                """,
            """
                    static void One(FtpConnection c, Stream s) => Two(c, s);
                    static void Two(FtpConnection c, Stream s) => Three(c, s);
                    static void Three(FtpConnection c, Stream s) => c.Retr("a", s);
                """));

    [Theory]
    [InlineData("ftp.Login(\"u\", \"p\"); ftp.Pasv(); Fetch(ftp, \"a.txt\", s);")]
    [InlineData("ftp.Login(\"u\", \"p\"); Put(ftp, \"a\", s); Put(ftp, \"b\", s); ftp.Epsv(); ftp.List(s);")]
    [InlineData("SignIn(ftp, \"u\", \"p\"); ftp.Pwd();")]
    [InlineData("MaybeSignIn(ftp, host.Length > 3); ftp.Pwd();")]
    [InlineData("ftp.Login(\"u\", \"p\"); ftp.Rnfr(\"a\"); ftp.Rnto(\"b\"); Check(ftp);")]
    [InlineData("ftp.Login(\"u\", \"p\"); var t = PutAsync(ftp, s); ftp.Nlst(s); t.Wait();")]
    public Task CorrectUseOfHelpers_IsNotFlagged(string statements)
        => new NoData.Test { TestCode = Program(statements) }.RunAsync();

    [Theory]
    [InlineData("static void Transfer(FtpConnection c, Stream s) { c.Pasv(); c.Retr(\"a\", s); {|FTP0004:c.Retr(\"b\", s)|}; }", "ftp.Login(\"u\", \"p\"); Transfer(ftp, s);")]
    public Task MistakeOfTheHelperItself_IsReportedInsideItOnly(string helper, string statements)
        => NoData.VerifyAnalyzerAsync(Program(statements, helper));

    [Fact]
    public Task HelperWithItsOwnMistakeAndOneTheCallerCauses_IsReportedInsideAndOnTheCall()
        => NoData.VerifyAnalyzerAsync(Program(
            """
                    ftp.Login("u", "p");
                    {|FTP0004:Transfer(ftp, s)|};
                """,
            """
                    // The first RETR is wrong only when the caller armed nothing; the second always is.
                    static void Transfer(FtpConnection c, Stream s) { c.Retr("a", s); {|FTP0004:c.Retr("b", s)|}; }
                """));

    [Theory]
    [InlineData("static FtpConnection? s_kept; static void Keep(FtpConnection c) { s_kept = c; }", "ftp.Login(\"u\", \"p\"); Keep(ftp); ftp.Retr(\"a\", s);")]
    [InlineData("static void Recurse(FtpConnection c, int n) { if (n > 0) Recurse(c, n - 1); c.Pasv(); }", "ftp.Login(\"u\", \"p\"); Recurse(ftp, 3); ftp.Retr(\"a\", s);")]
    [InlineData("static void One(FtpConnection c, Stream s) => Two(c, s); static void Two(FtpConnection c, Stream s) => Three(c, s); static void Three(FtpConnection c, Stream s) => Four(c, s); static void Four(FtpConnection c, Stream s) => c.Retr(\"a\", s);", "ftp.Login(\"u\", \"p\"); One(ftp, s);")]
    [InlineData("static void Twice(FtpConnection a, FtpConnection b) { a.Pasv(); }", "ftp.Login(\"u\", \"p\"); Twice(ftp, ftp); ftp.Retr(\"a\", s);")]
    [InlineData("static void ByRef(ref FtpConnection c) { c.Pasv(); }", "ftp.Login(\"u\", \"p\"); var f = ftp; ByRef(ref f); f.Retr(\"a\", s);")]
    [InlineData("static IEnumerable<int> Lazy(FtpConnection c, Stream s) { c.Pasv(); c.Retr(\"a\", s); yield return 1; }", "ftp.Login(\"u\", \"p\"); ftp.Pasv(); Lazy(ftp, s); ftp.Retr(\"b\", s);")]
    public Task HelperThatCannotBeFollowed_LeavesTheConnectionUnknown(string helper, string statements)
        => NoData.VerifyAnalyzerAsync(Program(statements, helper));

    [Fact]
    public Task PartialHelper_IsFollowedIntoItsImplementation()
        => NoData.VerifyAnalyzerAsync("""
            using System.IO;
            using Ftp;

            partial class C
            {
                static partial void Arm(FtpConnection c);

                void M(string host, Stream s)
                {
                    using var ftp = FtpConnection.Connect(host);
                    ftp.Login("u", "p");
                    Arm(ftp);
                    ftp.Retr("a", s);
                }
            }

            partial class C
            {
                static partial void Arm(FtpConnection c) { c.Pasv(); }
            }
            """);

    [Fact]
    public Task VirtualAndInterfaceHelpers_AreNotFollowed()
        => NoData.VerifyAnalyzerAsync("""
            using System.IO;
            using Ftp;

            interface ITransfers { void Arm(FtpConnection c); }

            class Base
            {
                protected virtual void Arm(FtpConnection c) { }

                void M(string host, Stream s, ITransfers transfers)
                {
                    using var ftp = FtpConnection.Connect(host);
                    ftp.Login("u", "p");
                    Arm(ftp);
                    ftp.Retr("a", s);
                    transfers.Arm(ftp);
                    ftp.Retr("b", s);
                }
            }
            """);
}
