using System.Threading.Tasks;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Between = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.CommandBetweenRnfrAndRntoAnalyzer>;
using BeforeLogin = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.CommandBeforeLoginAnalyzer>;
using NoData = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.TransferWithoutDataConnectionAnalyzer>;
using NoRnfr = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.RntoWithoutRnfrAnalyzer>;
using NoUser = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.PassWithoutUserAnalyzer>;

namespace FtpAnalyzers.Tests.Flow;

/// <summary>
/// A branch taken only when the server refused the first half of a pair (its reply code ruled
/// out) does not count as having armed it; a branch where the arming reply is still possible does.
/// </summary>
public class ReplyGuardTests
{
    private const string LoggedIn = """
        using var c = FtpConnection.Connect(host);
        c.Login(u, pw);

        """;

    [Theory]
    [InlineData("if (c.Rnfr(\"a\").Code != 350) { c.Noop(); return; }")]
    [InlineData("if (!(c.Rnfr(\"a\").Code == 350)) { c.Noop(); return; }")]
    [InlineData("if (350 != c.Rnfr(\"a\").Code) { c.Noop(); return; }")]
    [InlineData("var r = c.Rnfr(\"a\"); if (r.Code != 350) { c.Noop(); return; }")]
    [InlineData("var code = c.Rnfr(\"a\").Code; if (code != 350) { c.Noop(); return; }")]
    [InlineData("if (c.Rnfr(\"a\").Code >= 400) { c.Noop(); return; }")]
    [InlineData("if (c.Rnfr(\"a\").Code < 300 || c.Rnfr(\"a\").Code >= 400) { c.Noop(); return; }")]
    [InlineData("if (!c.Rnfr(\"a\").IsPositiveIntermediate) { c.Noop(); return; }")]
    [InlineData("if (c.Rnfr(\"a\").IsPermanentNegative) { c.Noop(); return; }")]
    [InlineData("if (c.Rnfr(\"a\").Code is not 350) { c.Noop(); return; }")]
    [InlineData("if (c.Rnfr(\"a\").Code is >= 500) { c.Noop(); return; }")]
    [InlineData("_ = c.Rnfr(\"a\").Code == 350 ? c.Rnto(\"b\") : c.Noop();")]
    [InlineData("switch (c.Rnfr(\"a\").Code) { case 350: c.Rnto(\"b\"); break; default: c.Noop(); break; }")]
    public Task CommandAfterRefusedRnfr_IsNotFlagged(string statements)
        => Between.VerifyAnalyzerAsync(Method(LoggedIn + statements + "\nc.Rnfr(\"x\"); c.Rnto(\"y\");"));

    [Theory]
    [InlineData("if (c.Rnfr(\"a\").Code == 350) { {|FTP0003:c.Noop()|}; c.Rnto(\"b\"); }")]
    [InlineData("if (c.Rnfr(\"a\").Code != 550) { {|FTP0003:c.Noop()|}; c.Rnto(\"b\"); }")]
    [InlineData("if (c.Rnfr(\"a\").IsPositiveIntermediate) { {|FTP0003:c.Noop()|}; c.Rnto(\"b\"); }")]
    [InlineData("var r = c.Rnfr(\"a\"); {|FTP0003:c.Pwd()|}; if (r.Code != 350) { c.Noop(); }")]
    [InlineData("c.Rnfr(\"a\"); if ({|FTP0003:c.Pwd()|}.Code != 257) { c.Noop(); }")]
    [InlineData("if (c.Rnfr(\"a\").Code < 300 || {|FTP0003:c.Noop()|}.Code > 0) { return; }")]
    [InlineData("switch (c.Rnfr(\"a\").Code) { case 350: {|FTP0003:c.Noop()|}; c.Rnto(\"b\"); break; default: break; }")]
    public Task CommandWhereRnfrMayHaveBeenAccepted_IsFlagged(string statements)
        => Between.VerifyAnalyzerAsync(Method(LoggedIn + statements));

    [Fact]
    public Task RntoAfterRefusedRnfr_IsFlaggedAsWithoutRnfr()
        => NoRnfr.VerifyAnalyzerAsync(Method(LoggedIn + """
            if (c.Rnfr("a").Code != 350) { {|FTP0002:c.Rnto("b")|}; }
            """));

    [Fact]
    public Task CommandAfterUserAnsweredOtherThan331_IsNotFlaggedBeforeLogin()
        => BeforeLogin.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            if (c.User("anonymous").Code == 230) { c.Pwd(); }
            """));

    [Fact]
    public Task PassAfterUserAnsweredOtherThan331_IsNotClaimedEitherWay()
        => NoUser.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            if (c.User(u).Code != 331) { c.Pass(pw); }
            c.Pass(pw);
            """));

    [Fact]
    public Task TransferAfterRefusedPasv_IsNotClaimed()
        => NoData.VerifyAnalyzerAsync(Method(LoggedIn + """
            if (c.Pasv().Code != 227) { c.Retr("a", s); }
            """));

    [Fact]
    public Task GuardOnAnotherConnection_ChangesNothingHere()
        => Between.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Rnfr("a");
            if (p.Rnfr("x").Code != 350) { {|FTP0003:c.Noop()|}; }
            """));
}
