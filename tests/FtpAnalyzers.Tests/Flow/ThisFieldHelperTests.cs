using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Between = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.CommandBetweenRnfrAndRntoAnalyzer>;
using BeforeLogin = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.CommandBeforeLoginAnalyzer>;
using NoData = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.TransferWithoutDataConnectionAnalyzer>;
using NoUser = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.PassWithoutUserAnalyzer>;

namespace FtpAnalyzers.Tests.Flow;

/// <summary>
/// Helpers that act on a connection held in a field or auto-property of <c>this</c>: instance
/// methods of the same type called on this (implicitly or as <c>this.</c>) and local functions.
/// What they leave decides what the caller's next command finds; a mistake inside them that the
/// caller's state causes is reported on the call. Helpers the analysis cannot see through
/// (virtual hooks, recursion, a helper that reassigns the field or hands this away) leave the
/// connection unknown: silence.
/// </summary>
public class ThisFieldHelperTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;
        using Ftp;

        """;

    // The connection comes from the constructor: nothing is known of it when Run starts, so what
    // the tests find certain comes from Run's own commands and the helpers' summaries.
    private const string SessionHelpers = """
            private void SignIn(string user, string pass) { _ftp.User(user); _ftp.Pass(pass); }
            private void Put(string name, Stream s) { _ftp.Pasv(); _ftp.Stor(name, s); }
            private FtpReply Fetch(string path, Stream s) => _ftp.Retr(path, s);
            private void Check() => _ftp.Pwd();
            private void MaybeSignIn(bool really) { if (really) _ftp.Login("u", "p"); }
            private void Arm() => _ftp.Pasv();
        """;

    /// <summary>A sealed class Session holding its connection in <c>_ftp</c>, with the helpers above and <paramref name="members"/>.</summary>
    private static string Session(string run, string members = SessionHelpers) => Usings + $$"""
        sealed class Session
        {
            private readonly FtpConnection _ftp;

            public Session(FtpConnection ftp) => _ftp = ftp;

        {{members}}

            public void Run(string user, string pass, Stream s, bool flag)
            {
        {{run}}
            }
        }
        """;

    [Fact]
    public Task PassAfterAHelperThatLoggedIn_IsFlagged()
        => NoUser.VerifyAnalyzerAsync(Session("""
                    SignIn(user, pass);
                    {|FTP0001:_ftp.Pass(pass)|};
                """));

    [Fact]
    public Task TransferAfterAHelperThatUsedThePasv_IsFlagged()
        => NoData.VerifyAnalyzerAsync(Session("""
                    _ftp.Login(user, pass);
                    Put("a.txt", s);
                    {|FTP0004:_ftp.Nlst(s)|};
                """));

    [Fact]
    public Task TheIssuesSession_IsFlaggedAfterEachHelper_NamingNothingOnTheCommands()
        => new NoUser.Test
        {
            TestCode = Session("""
                        SignIn(user, pass);
                        {|#0:_ftp.Pass(pass)|};
                        Put("a.txt", s);
                        _ftp.Nlst(s);
                """),
            ExpectedDiagnostics = { NoUser.Diagnostic("FTP0001").WithLocation(0).WithArguments("", "PASS") },
        }.RunAsync();

    [Fact]
    public Task HelperThatTransfersWithoutPasv_IsFlaggedOnTheCall_NamingIt()
        => NoData.VerifyAnalyzerAsync(
            Session("""
                    _ftp.Login(user, pass);
                    Put("up.txt", s);
                    var r = {|#0:Fetch("a.txt", s)|};
                    _ftp.Pasv();
                    Fetch("b.txt", s);
                """),
            NoData.Diagnostic("FTP0004").WithLocation(0).WithArguments(" by Fetch(...)", "RETR"));

    [Fact]
    public Task HelperBetweenRnfrAndRnto_IsFlaggedOnTheCall()
        => Between.VerifyAnalyzerAsync(
            Session("""
                    _ftp.Login(user, pass);
                    _ftp.Rnfr("a");
                    {|#0:Check()|};
                    _ftp.Rnto("b");
                """),
            Between.Diagnostic("FTP0003").WithLocation(0).WithArguments(" by Check(...)", "PWD"));

    [Fact]
    public Task CommandBeforeLoginInAHelper_IsFlaggedOnTheCall_WhenTheCallerConnected()
        => BeforeLogin.VerifyAnalyzerAsync(Usings + """
            sealed class Client
            {
                private FtpConnection _ftp = null!;

                private void Check() => _ftp.Pwd();

                public void Open(string host)
                {
                    _ftp = FtpConnection.Connect(host);
                    {|FTP0005:Check()|};
                    _ftp.Login("u", "p");
                    Check();
                }
            }
            """);

    [Fact]
    public Task AutoProperty_IsFollowed()
        => NoData.VerifyAnalyzerAsync(Usings + """
            sealed class Session
            {
                public Session(FtpConnection ftp) => Ftp = ftp;

                public FtpConnection Ftp { get; }

                private void Put(string name, Stream s) { Ftp.Pasv(); Ftp.Stor(name, s); }

                public void Run(Stream s)
                {
                    Ftp.Login("u", "p");
                    Put("a.txt", s);
                    {|FTP0004:Ftp.Nlst(s)|};
                }
            }
            """);

    [Fact]
    public Task ExplicitThis_IsFollowed()
        => NoData.VerifyAnalyzerAsync(Session("""
                    this._ftp.Login(user, pass);
                    this.Put("a.txt", s);
                    {|FTP0004:this._ftp.Nlst(s)|};
                """));

    [Fact]
    public Task NonVirtualMethodOfAnUnsealedClass_IsFollowed()
        => NoData.VerifyAnalyzerAsync(Usings + """
            class Session
            {
                protected FtpConnection Ftp { get; } = null!;

                protected void Put(string name, Stream s) { Ftp.Pasv(); Ftp.Stor(name, s); }

                public void Run(Stream s)
                {
                    Ftp.Login("u", "p");
                    Put("a.txt", s);
                    {|FTP0004:Ftp.Nlst(s)|};
                }
            }
            """);

    [Fact]
    public Task HelperOfTheBaseClass_IsFollowed()
        => NoData.VerifyAnalyzerAsync(Usings + """
            abstract class SessionBase
            {
                protected FtpConnection Ftp { get; } = null!;

                protected void Arm() => Ftp.Epsv();
            }

            sealed class Session : SessionBase
            {
                public void Run(Stream s)
                {
                    Ftp.Login("u", "p");
                    Arm();
                    Ftp.Retr("a", s);
                    {|FTP0004:Ftp.Retr("b", s)|};
                }
            }
            """);

    [Fact]
    public Task FieldOfAConstructedGenericBase_IsLeftUnknown_TheParameterStillFollowed()
        => NoData.VerifyAnalyzerAsync(Usings + """
            abstract class SessionBase<T>
            {
                protected FtpConnection Ftp { get; } = null!;
            }

            sealed class Session : SessionBase<int>
            {
                private void Use(Stream s) { Ftp.Pasv(); Ftp.Retr("a", s); }
                private void Put(FtpConnection c, Stream s) { c.Pasv(); c.Stor("a", s); }

                // Ftp is SessionBase<int>.Ftp here: not followed by symbol into helpers, so unknown after one.
                public void Run(Stream s)
                {
                    Ftp.Login("u", "p");
                    Ftp.Pasv();
                    Use(s);
                    Ftp.Retr("b", s);
                }

                public void Run2(FtpConnection c, Stream s)
                {
                    Ftp.Noop();
                    c.Login("u", "p");
                    Put(c, s);
                    {|FTP0004:c.Nlst(s)|};
                }
            }
            """);

    [Fact]
    public Task HelperInAnotherPartialFile_IsFollowed()
        => new NoData.Test
        {
            TestState =
            {
                Sources =
                {
                    Usings + """
                    sealed partial class Session
                    {
                        private readonly FtpConnection _ftp = null!;

                        public void Run(Stream s)
                        {
                            _ftp.Login("u", "p");
                            Upload("up.txt", s);
                            {|FTP0004:_ftp.Retr("up.txt", s)|};
                        }
                    }
                    """,
                    Usings + """
                    sealed partial class Session
                    {
                        private void Upload(string name, Stream s) { _ftp.Epsv(); _ftp.Stor(name, s); }
                    }
                    """,
                },
            },
        }.RunAsync();

    [Fact]
    public Task ChainOfHelpersOnThis_IsFollowed()
        => NoData.VerifyAnalyzerAsync(Session(
            """
                    _ftp.Login(user, pass);
                    Put("up.txt", s);
                    {|FTP0004:One(s)|};
                """,
            SessionHelpers + """

                    private void One(Stream s) => Two(s);
                    private void Two(Stream s) => Three(s);
                    private void Three(Stream s) => _ftp.Retr("a", s);
                """));

    [Fact]
    public Task HelperOnThisThatReceivesTheConnectionToo_SeesTheFieldAsTheSameConnection()
        => NoData.VerifyAnalyzerAsync(Session(
            """
                    _ftp.Login(user, pass);
                    Send(_ftp, s);
                    {|FTP0004:_ftp.Retr("b", s)|};
                """,
            """
                    // _ftp and c are the same connection here: the PASV on one arms the RETR on the other.
                    private void Send(FtpConnection c, Stream s) { _ftp.Pasv(); c.Retr("a", s); }
                """));

    [Fact]
    public Task LocalFunction_IsFollowed()
        => NoData.VerifyAnalyzerAsync(Session(
            """
                    _ftp.Login(user, pass);
                    Upload();
                    {|FTP0004:_ftp.Nlst(s)|};

                    void Upload() { _ftp.Pasv(); _ftp.Stor("a.txt", s); }
                """));

    [Fact]
    public Task AwaitedAsyncHelper_IsFollowed()
        => NoData.VerifyAnalyzerAsync(Usings + """
            sealed class Session
            {
                private readonly FtpConnection _ftp = null!;

                private async Task PutAsync(Stream s) { await _ftp.PasvAsync(); await _ftp.StorAsync("up.txt", s); }

                public async Task RunAsync(Stream s)
                {
                    await _ftp.LoginAsync("u", "p");
                    await PutAsync(s);
                    await {|FTP0004:_ftp.NlstAsync(s)|};
                }
            }
            """);

    [Fact]
    public Task HelperOnBothBranches_IsFlaggedAfterTheJoin()
        => NoData.VerifyAnalyzerAsync(Session("""
                    _ftp.Login(user, pass);
                    if (flag)
                        Put("a.txt", s);
                    else
                        Fetch("a.txt", s);
                    {|FTP0004:_ftp.Nlst(s)|};
                """));

    [Fact]
    public Task HelperThatLeavesTheConnectionAlone_NoLongerHidesAMistake()
        => NoData.VerifyAnalyzerAsync(Session(
            """
                    _ftp.Login(user, pass);
                    _ftp.Pasv();
                    _ftp.Retr("a", s);
                    Log("a done");
                    {|FTP0004:_ftp.Retr("b", s)|};
                """,
            """
                    private void Log(string text) => Console.WriteLine(text);
                """));

    [Fact]
    public Task MistakeOfTheHelperItself_IsReportedInsideItOnly()
        => NoData.VerifyAnalyzerAsync(Session(
            """
                    _ftp.Login(user, pass);
                    Transfer(s);
                """,
            """
                    private void Transfer(Stream s) { _ftp.Pasv(); _ftp.Retr("a", s); {|FTP0004:_ftp.Retr("b", s)|}; }
                """));

    [Fact]
    public Task HelperWithItsOwnMistakeAndOneTheCallerCauses_IsReportedInsideAndOnTheCall()
        => NoData.VerifyAnalyzerAsync(Session(
            """
                    _ftp.Login(user, pass);
                    Put("up.txt", s);
                    {|FTP0004:Transfer(s)|};
                """,
            SessionHelpers + """

                    // The first RETR is wrong only when the caller armed nothing; the second always is.
                    private void Transfer(Stream s) { _ftp.Retr("a", s); {|FTP0004:_ftp.Retr("b", s)|}; }
                """));

    [Theory]
    [InlineData("_ftp.Login(user, pass); Arm(); Fetch(\"a.txt\", s);")]
    [InlineData("_ftp.Login(user, pass); Put(\"a\", s); Put(\"b\", s); _ftp.Epsv(); _ftp.List(s);")]
    [InlineData("SignIn(user, pass); _ftp.Pwd();")]
    [InlineData("MaybeSignIn(flag); _ftp.Pwd();")]
    [InlineData("_ftp.Login(user, pass); if (flag) Arm(); else _ftp.Epsv(); _ftp.Retr(\"a\", s);")]
    [InlineData("_ftp.Login(user, pass); _ftp.Rnfr(\"a\"); _ftp.Rnto(\"b\"); Check();")]
    [InlineData("_ftp.Login(user, pass); for (var i = 0; i < 3; i++) { Arm(); Fetch(\"a\", s); }")]
    public Task CorrectUseOfHelpersOnThis_IsNotFlagged(string statements)
        => new NoData.Test { TestCode = Session(statements) }.RunAsync();

    [Fact]
    public Task ConditionalHelper_LeavesTheLoginUncertain()
        => BeforeLogin.VerifyAnalyzerAsync(Usings + """
            sealed class Client
            {
                private FtpConnection _ftp = null!;

                private void MaybeSignIn(bool really) { if (really) _ftp.Login("u", "p"); }

                public void Open(string host, bool flag)
                {
                    _ftp = FtpConnection.Connect(host);
                    MaybeSignIn(flag);
                    _ftp.Pwd();
                }
            }
            """);

    [Fact]
    public Task VirtualAbstractAndInterfaceHooks_AreNotFollowed()
        => NoData.VerifyAnalyzerAsync(Usings + """
            interface IHooks { void Transfer(Stream s); }

            abstract class Session : IHooks
            {
                protected FtpConnection Ftp { get; } = null!;

                // What the base does is not what an override does: none of these is followed.
                protected virtual void Transfer(Stream s) { Ftp.Pasv(); Ftp.Retr("a", s); }
                protected abstract void Send(Stream s);
                void IHooks.Transfer(Stream s) { Ftp.Pasv(); Ftp.Retr("a", s); }

                public void Run(Stream s)
                {
                    Ftp.Login("u", "p");
                    Ftp.Pasv();
                    Transfer(s);
                    Ftp.Retr("b", s);
                }

                public void RunAbstract(Stream s)
                {
                    Ftp.Login("u", "p");
                    Ftp.Pasv();
                    Ftp.Retr("a", s);
                    Send(s);
                    Ftp.Retr("b", s);
                }

                public void RunInterface(Stream s)
                {
                    Ftp.Login("u", "p");
                    Ftp.Pasv();
                    ((IHooks)this).Transfer(s);
                    Ftp.Retr("b", s);
                }
            }
            """);

    [Theory]
    // Recursion: the inner call has no summary, so the connection is unknown after it.
    [InlineData("private void Go(int n, Stream s) { _ftp.Pasv(); _ftp.Retr(\"a\", s); if (n > 0) Go(n - 1, s); }", "Go(3, s);")]
    // Mutual recursion.
    [InlineData("private void Ping(int n, Stream s) { _ftp.Pasv(); _ftp.Retr(\"a\", s); if (n > 0) Pong(n - 1, s); } private void Pong(int n, Stream s) => Ping(n, s);", "Ping(3, s);")]
    // A helper that puts another connection into the field: the caller's next command is on that one.
    [InlineData("private FtpConnection _other = null!; private void Swap(Stream s) { _ftp.Pasv(); _ftp.Retr(\"a\", s); _ftp = _other; _ftp.Pasv(); }", "Swap(s);")]
    // The same, in a helper that also receives the connection: the parameter still holds the one it used up, the field does not.
    [InlineData("private FtpConnection _other = null!; private void Swap(FtpConnection c, Stream s) { _ftp = _other; c.Pasv(); c.Retr(\"a\", s); }", "Swap(_ftp, s);")]
    // A helper that hands this away: whoever gets it may use the connection.
    [InlineData("private static readonly List<Session> s_all = new(); private void Register(Stream s) { _ftp.Pasv(); _ftp.Retr(\"a\", s); s_all.Add(this); }", "Register(s);")]
    // A helper that keeps the connection elsewhere.
    [InlineData("private static FtpConnection? s_kept; private void Keep(Stream s) { _ftp.Pasv(); _ftp.Retr(\"a\", s); s_kept = _ftp; }", "Keep(s);")]
    // A helper that calls a hook an override may implement.
    [InlineData("private void Step(Stream s) { _ftp.Pasv(); _ftp.Retr(\"a\", s); OnStep(); } protected virtual void OnStep() { }", "Step(s);")]
    // A helper that gives the connection to a lambda.
    [InlineData("private Action? _later; private void Defer(Stream s) { _ftp.Pasv(); _ftp.Retr(\"a\", s); _later = () => _ftp.Pasv(); }", "Defer(s);")]
    // An iterator: calling it runs none of its code.
    [InlineData("private IEnumerable<int> Steps(Stream s) { _ftp.Pasv(); _ftp.Retr(\"a\", s); yield return 1; }", "Steps(s);")]
    // Four helpers deep: past the bound.
    [InlineData("private void One(Stream s) => Two(s); private void Two(Stream s) => Three(s); private void Three(Stream s) => Four(s); private void Four(Stream s) { _ftp.Pasv(); _ftp.Retr(\"a\", s); }", "One(s);")]
    public Task HelperThatCannotBeFollowed_LeavesTheFieldUnknown(string helper, string call)
        => NoData.VerifyAnalyzerAsync(Usings + $$"""
            class Session
            {
                private FtpConnection _ftp = null!;

                {{helper}}

                // Each helper would leave the PASV used up if it could be followed.
                public void Run(Stream s)
                {
                    _ftp.Login("u", "p");
                    {{call}}
                    _ftp.Retr("b", s);
                }
            }
            """);
}
