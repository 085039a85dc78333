using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.TransferWithoutDataConnectionAnalyzer>;

namespace FtpAnalyzers.Tests.Flow;

/// <summary>
/// How the shared flow analysis follows connections through C# constructs, observed through
/// FTP0004 (a transfer needs its own PASV): flagged where every path proves it, silent otherwise.
/// </summary>
public class ConnectionFlowAnalysisTests
{
    private const string LoggedIn = """
        using var c = FtpConnection.Connect(host);
        c.Login(u, pw);

        """;

    [Fact]
    public Task Copies_AreAliases()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            var d = c;
            d.Pasv(); c.Retr("a", s); {|FTP0004:d.Retr("b", s)|};
            var e = d;
            e.Pasv(); c.Retr("c", s);
            """));

    [Fact]
    public Task Reassignment_StartsOver()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Pasv(); c.Retr("a", s);
            var d = c;
            d = p;
            d.Retr("b", s);
            {|FTP0004:c.Retr("c", s)|};
            """));

    [Fact]
    public Task TryCatchFinally()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            try { c.Pasv(); c.Retr("a", s); {|FTP0004:c.Retr("b", s)|}; }
            catch (IOException) { c.Retr("c", s); }
            finally { c.Noop(); }
            c.Retr("d", s);
            try { c.Pasv(); } catch { }
            c.Retr("e", s);
            """));

    [Fact]
    public Task CatchBlocks_StartFromAnyStateOfTheirTry()
        => Verify.VerifyAnalyzerAsync(Members("""
            static void Use(FtpReply a, FtpReply b) { }

            void M(string host, Stream s)
            {
                using var c = FtpConnection.Connect(host);
                c.Login("u", "p");
                try { c.Noop(); } catch (IOException) { }
                {|FTP0004:c.Retr("a", s)|};
                try { c.Pasv(); } catch (IOException) { }
                c.Retr("b", s);
                c.Pasv(); c.Retr("c", s);
                try { c.Noop(); } catch (IOException) { {|FTP0004:c.Retr("d", s)|}; }
                try { Use(c.Pasv(), c.Retr("e", s)); } catch (IOException) { c.Retr("f", s); }
                try { try { c.Pasv(); } finally { c.Noop(); } } catch (IOException) { c.Retr("g", s); }
                try { c.Pasv(); c.Retr("h", s); } catch (IOException) when (s.CanRead) { c.Retr("i", s); }
            }
            """));

    [Fact]
    public Task FinallyBlocks_StartFromEveryWayIn()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Pasv(); c.Retr("a", s);
            try { if (flag) return; c.Noop(); } finally { {|FTP0004:c.Retr("b", s)|}; }
            try { if (flag) return; c.Pasv(); } finally { c.Retr("c", s); }
            """));

    [Fact]
    public Task GotoIntoALoop_IsNotAnIterationPass()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Pasv();
            goto inside;
            top:
            c.Pasv();
            inside:
            c.Retr("a", s);
            if (flag) goto top;
            """));

    [Fact]
    public Task UsingBlocks_AreFollowed()
        => Verify.VerifyAnalyzerAsync(Method("""
            using (var c = FtpConnection.Connect(host))
            {
                c.Login(u, pw);
                {|FTP0004:c.List(s)|};
            }
            using (var d = FtpConnection.Connect(host))
            using (var e = FtpConnection.Connect(host))
            {
                d.Login(u, pw); e.Login(u, pw);
                d.Pasv();
                d.List(s);
                {|FTP0004:e.List(s)|};
            }
            """));

    [Fact]
    public Task SwitchStatementsAndExpressions()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            switch (u.Length)
            {
                case 1: c.Pasv(); break;
                default: c.Epsv(); break;
            }
            c.Retr("a", s);
            switch (u.Length)
            {
                case 1: c.Noop(); break;
                case 2: goto default;
                default: break;
            }
            {|FTP0004:c.Retr("b", s)|};
            var reply = u.Length switch { 1 => c.Pasv(), _ => c.Epsv() };
            c.Retr("c", s);
            {|FTP0004:c.Retr("d", s)|};
            """));

    [Fact]
    public Task GotoLoops()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            again:
            c.Pasv();
            c.Retr("a", s);
            if (flag) goto again;
            c.Pasv();
            next:
            {|#0:c.Retr("b", s)|};
            if (flag) goto next;
            """), Verify.Diagnostic("FTP0004").WithLocation(0).WithArguments(" from the second iteration of the loop on", "RETR"));

    [Fact]
    public Task WhileTrueWithBreak()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            while (true)
            {
                c.Pasv();
                c.Retr("a", s);
                if (flag) break;
            }
            {|FTP0004:c.Retr("b", s)|};
            do { c.Epsv(); c.Stor("x", s); } while (flag);
            """));

    [Fact]
    public Task LoopOverConnections_IsNotASecondIteration()
        => Verify.VerifyAnalyzerAsync(Method("""
            var connections = new List<FtpConnection>();
            foreach (var x in connections) { x.Retr("a", s); }
            foreach (object o in files) { if (o is FtpConnection y) { y.Retr("a", s); } }
            for (var i = 0; i < 3; i++) { var z = FtpConnection.Connect(host); z.Login(u, pw); z.Pasv(); z.Retr("a", s); }
            """));

    [Fact]
    public Task LocalFunctions()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            void Prepare() { c.Pasv(); }
            void Own(FtpConnection x) { x.Pasv(); x.Retr("a", s); {|FTP0004:x.Retr("b", s)|}; }
            void Captured() { c.Retr("c", s); }
            c.Pasv(); c.Retr("d", s);
            Prepare();
            c.Retr("e", s);
            """));

    [Fact]
    public Task LocalFunctionCalledBeforeItsDeclaration_PinsWhatItCaptures()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c.Pasv(); c.Retr("a", s);
            Prepare();
            c.Retr("b", s);
            void Prepare() => c.Pasv();
            """));

    [Fact]
    public Task Lambdas()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            Action<FtpConnection> own = x => { x.Epsv(); x.Retr("a", s); {|FTP0004:x.Retr("b", s)|}; };
            c.Pasv(); c.Retr("c", s);
            Action arm = () => c.Pasv();
            arm();
            c.Retr("d", s);
            c.Retr("e", s);
            """));

    [Fact]
    public Task VariableCapturedBeforeAssignment_StaysUnknown()
        => Verify.VerifyAnalyzerAsync(Method("""
            FtpConnection d = null!;
            Action arm = () => d.Pasv();
            d = FtpConnection.Connect(host);
            d.Login(u, pw);
            arm();
            d.Retr("a", s);
            """));

    [Fact]
    public Task Escapes()
        => Verify.VerifyAnalyzerAsync(Members("""
            static void Prepare(FtpConnection x) => x.Pasv();
            static void Replace(ref FtpConnection x) { }
            class Holder { public FtpConnection? Connection; }

            void M(string host, Stream s, List<FtpConnection> all, Holder holder)
            {
                var c = FtpConnection.Connect(host);
                c.Login("u", "p");
                Prepare(c);
                c.Retr("a", s);
                var d = FtpConnection.Connect(host);
                d.Login("u", "p");
                all.Add(d);
                d.Retr("a", s);
                var e = FtpConnection.Connect(host);
                e.Login("u", "p");
                holder.Connection = e;
                e.Retr("a", s);
                var f = FtpConnection.Connect(host);
                f.Login("u", "p");
                Replace(ref f);
                f.Retr("a", s);
                var g = FtpConnection.Connect(host);
                g.Login("u", "p");
                var pair = (g, 1);
                g.Retr("a", s);
                var h = FtpConnection.Connect(host);
                h.Login("u", "p");
                h.Dispose();
                _ = h.Greeting;
                if (h != null && h is IDisposable) {|FTP0004:h.Retr("a", s)|};
            }
            """));

    [Fact]
    public Task FieldsAndAutoProperties()
        => Verify.VerifyAnalyzerAsync(Members("""
            private readonly FtpConnection _c = null!;
            private FtpConnection Auto { get; } = null!;
            private FtpConnection Computed => _c;
            private static FtpConnection? s_shared;

            void M(Stream s)
            {
                _c.Pasv(); _c.Retr("a", s); {|FTP0004:this._c.Retr("b", s)|};
                Auto.Pasv(); Auto.Retr("a", s); {|FTP0004:Auto.Retr("b", s)|};
                Computed.Pasv(); Computed.Retr("a", s); Computed.Retr("b", s);
                s_shared!.Pasv(); s_shared.Retr("a", s); {|FTP0004:s_shared.Retr("b", s)|};
            }

            void N(Stream s)
            {
                _c.Pasv(); _c.Retr("a", s);
                Hook();
                _c.Retr("b", s);
                Auto.Pasv(); Auto.Retr("a", s);
                Register(this);
                Auto.Retr("b", s);
            }

            // A method of this object the analysis follows (it leaves the fields alone), and one it cannot (an override may use them).
            void O(Stream s)
            {
                _c.Pasv(); _c.Retr("a", s);
                Other();
                {|FTP0004:_c.Retr("b", s)|};
            }

            void Other() { }
            protected virtual void Hook() { }
            static void Register(C c) { }

            static void S(Stream s)
            {
                s_shared!.Pasv(); s_shared.Retr("a", s);
                s.Flush();
                {|FTP0004:s_shared.Retr("b", s)|};
                Helper();
                s_shared.Pasv(); s_shared.Retr("c", s);
                s_shared.Retr("d", s);
            }

            static void Helper() { }
            """));

    [Fact]
    public Task ExpressionBodiedMembers()
        => Verify.VerifyAnalyzerAsync(Members("""
            FtpReply Get(FtpConnection c, Stream s) => c.Retr("f", s);
            FtpReply Twice(FtpConnection c, Stream s) => c.Retr("f", s).Code == 226 ? c.Pasv() : {|FTP0004:c.Stor("f", s)|};
            FtpReply Property => Connection.Retr("f", Stream.Null).Code == 226 ? {|FTP0004:Connection.List(Stream.Null)|} : null!;
            FtpConnection Connection { get; } = null!;
            """));

    [Fact]
    public Task ConditionalAccess()
        => Verify.VerifyAnalyzerAsync(Method(LoggedIn + """
            c?.Pasv();
            c.Retr("a", s);
            c?{|FTP0004:.Retr("b", s)|};
            FtpConnection? maybe = flag ? c : null;
            maybe?.Retr("c", s);
            """));

    [Fact]
    public Task WrappersWithFtpCommand()
        => Verify.VerifyAnalyzerAsync(Usings() + """
            static class Extensions
            {
                [FtpCommand("RETR")]
                public static FtpReply Fetch(this FtpConnection c, string path, Stream s) => c.Retr(path, s);

                [FtpCommand("pasv")]
                public static FtpReply Passive(FtpConnection c) => c.Pasv();

                [FtpCommand("RETR")]
                public static FtpReply NotAConnection(string path) => null!;
            }

            class C
            {
                void M(string host, Stream s)
                {
                    using var c = FtpConnection.Connect(host);
                    c.Login("u", "p");
                    {|FTP0004:c.Fetch("a", s)|};
                    Extensions.Passive(c);
                    c.Fetch("b", s);
                    {|FTP0004:Extensions.Fetch(c, "c", s)|};
                    Extensions.NotAConnection("x");
                }
            }
            """);

    [Fact]
    public Task TopLevelStatements()
        => new Verify.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System.IO;
                    using Ftp;

                    using var c = FtpConnection.Connect("host");
                    c.Login("u", "p");
                    var s = new MemoryStream();
                    c.Pasv();
                    c.Retr("a", s);
                    {|FTP0004:c.Retr("b", s)|};
                    """,
                },
            },
        }.RunAsync();

    [Fact]
    public Task AsyncFlow()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            await using var c = await FtpConnection.ConnectAsync(host).ConfigureAwait(false);
            await c.LoginAsync(u, pw).ConfigureAwait(false);
            foreach (var f in files)
            {
                await c.EpsvAsync();
                await c.RetrAsync(f, s);
            }
            var armed = c.PasvAsync();
            await armed;
            await c.StorAsync("x", s);
            await {|FTP0004:c.StorAsync("y", s)|};
            """));

    [Fact]
    public Task GeneratedCode_IsSkipped()
        => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Generated.g.cs", Method("""
                        using var c = FtpConnection.Connect(host);
                        c.Login(u, pw);
                        c.Retr("f", s);
                        """)),
                    ("Marked.cs", "// <auto-generated/>\n" + Method("""
                        using var c = FtpConnection.Connect(host);
                        c.Login(u, pw);
                        c.Retr("f", s);
                        """).Replace("class C", "class D")),
                },
            },
        }.RunAsync();

    [Fact]
    public Task WithoutFtpClient_NothingIsRegistered()
        => new Verify.Test
        {
            ReferenceFtpClient = false,
            TestCode = """
                namespace Ftp
                {
                    class FtpCommandAttribute : System.Attribute { public FtpCommandAttribute(string v) { } }
                }
                namespace Other
                {
                    class FtpConnection
                    {
                        [Ftp.FtpCommand("RETR")] public void Retr() { }
                        static void M() { var c = new FtpConnection(); c.Retr(); c.Retr(); }
                    }
                }
                """,
        }.RunAsync();

    [Fact]
    public Task CSharp7_3_Syntax()
        => new Verify.Test
        {
            LanguageVersion = LanguageVersion.CSharp7_3,
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                using Ftp;
                class C
                {
                    FtpConnection _c;
                    async Task M(string host, Stream s, bool flag)
                    {
                        var c = await FtpConnection.ConnectAsync(host).ConfigureAwait(false);
                        try
                        {
                            c.Login("u", "p");
                            for (int i = 0; i < 2; i++)
                            {
                                if (flag) { c.Pasv(); } else { c.Epsv(); }
                                await c.RetrAsync("a", s);
                            }
                            {|FTP0004:c.Retr("b", s)|};
                        }
                        finally
                        {
                            c.Dispose();
                        }
                        _c = c;
                        c.Retr("c", s);
                        _c.Retr("d", s);
                    }
                }
                """,
        }.RunAsync();

    private static string Usings() => """
        using System;
        using System.IO;
        using Ftp;

        """;
}
