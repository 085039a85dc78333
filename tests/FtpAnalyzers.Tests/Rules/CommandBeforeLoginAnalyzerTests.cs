using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.CommandBeforeLoginAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

public class CommandBeforeLoginAnalyzerTests
{
    [Fact]
    public Task PasvRightAfterConnect_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            var c2 = FtpConnection.Connect(host); {|#0:c2.Pasv()|};
            """), Verify.Diagnostic("FTP0005").WithLocation(0).WithArguments("", "PASV"));

    [Fact]
    public Task CommandsAfterUserBeforePass_AreFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.User(u);
            {|FTP0005:c.Retr("f", s)|};
            {|FTP0005:c.Rnfr("a")|};
            {|FTP0005:c.SendCommand("CWD /")|};
            {|FTP0005:c.Download("f", s)|};
            """));

    [Fact]
    public Task CommandOnTemporaryConnection_IsFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            {|FTP0005:FtpConnection.Connect(host).Pwd()|};
            """));

    [Fact]
    public Task AsyncCommandBeforeLogin_IsFlagged()
        => Verify.VerifyAnalyzerAsync(AsyncMethod("""
            await using var c = await FtpConnection.ConnectAsync(host, 21).ConfigureAwait(false);
            await {|FTP0005:c.MkdAsync("d")|};
            await {|FTP0005:c.SendCommandAsync($"DELE {u}")|};
            """));

    [Fact]
    public Task CommandsAllowedBeforeLogin_AreNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.Feat(); c.Syst(); c.Noop(); c.Stat(); c.Opts("UTF8 ON");
            c.SendCommand("HELP"); c.SendCommand("AUTH TLS"); c.SendCommand("PBSZ 0"); c.SendCommand("PROT P");
            c.User(u); c.Acct("a"); c.Pass(pw);
            c.Pasv(); c.Retr("f", s);
            c.Quit();
            """));

    [Fact]
    public Task CommandsAfterLogin_AreNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            c.Login(u, pw);
            c.Pwd(); c.Download("f", s);
            using var d = FtpConnection.Connect(host);
            d.User(u); d.Pass(pw); d.Cwd("/");
            """));

    [Fact]
    public Task ParameterOrFieldConnection_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Members("""
            FtpConnection _c = null!;
            void M(FtpConnection p) { p.Pwd(); _c.Pwd(); p.User("u"); p.Pwd(); }
            """));

    [Fact]
    public Task LoginOnSomePaths_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            if (flag) c.Login(u, pw);
            c.Pwd();
            """));

    [Fact]
    public Task EscapedConnection_IsNotFlagged()
        => Verify.VerifyAnalyzerAsync(Method("""
            using var c = FtpConnection.Connect(host);
            LoginSomehow(c);
            c.Pwd();
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
                    void M(string host)
                    {
                        var c = FtpConnection.Connect(host);
                        {|FTP0005:c.Cwd("/")|};
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
                [FtpCommand("CWD")]
                public static FtpReply GoTo(this FtpConnection c, string dir) => c.Cwd(dir);
            }

            class C
            {
                void M()
                {
                    using var c = FtpConnection.Connect("h");
                    {|FTP0005:c.GoTo("/")|};
                    c.Login("u", "p"); c.GoTo("/");
                }
            }
            """);

    [Fact]
    public Task WrapperInAnotherFile_CalledBare_IsACommand()
        => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Ftp;

                    static partial class Session
                    {
                        static void M()
                        {
                            using var c = FtpConnection.Connect("h");
                            {|FTP0005:GoTo(c, "/")|};
                            {|FTP0005:Generic<int>(c)|};
                        }
                    }
                    """,
                    """
                    using Ftp;

                    static partial class Session
                    {
                        [Ftp.FtpCommandAttribute("CWD")]
                        static FtpReply GoTo(FtpConnection c, string dir) => c.Cwd(dir);

                        [FtpCommand("PWD")]
                        static FtpReply Generic<T>(FtpConnection c) => c.Pwd();
                    }
                    """,
                },
            },
        }.RunAsync();

    [Fact]
    public async Task WrapperFromAnotherAssembly_IsACommand()
    {
        var library = await CompiledLibraryAsync("""
            using Ftp;

            namespace Company.Ftp
            {
                public static class Navigation
                {
                    [FtpCommand("CWD")]
                    public static FtpReply GoHome(this FtpConnection c) => c.Cwd("/home");
                }
            }
            """);
        var test = new Verify.Test
        {
            TestCode = """
                using Ftp;
                using Company.Ftp;

                class C
                {
                    void M()
                    {
                        using var c = FtpConnection.Connect("h");
                        {|FTP0005:c.GoHome()|};
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync();
    }

    [Fact]
    public Task NameOfACommand_OnAnotherType_IsNotACommand()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Remote
            {
                public void User(string name) { }
                public void List(List<string> names) { }
            }

            class C
            {
                void M(Remote r)
                {
                    // User(...) and List(...) written as calls, on something that is not an FtpConnection.
                    r.User("u");
                    r.List(new List<string>());
                }
            }
            """);

    private static async Task<Microsoft.CodeAnalysis.MetadataReference> CompiledLibraryAsync(string source)
    {
        var references = (await Verifiers.TestReferences.Net80.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, System.Threading.CancellationToken.None)).Add(Verifiers.TestReferences.FtpClient);
        var compilation = CSharpCompilation.Create(
            "Company.Ftp",
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
    }
}
