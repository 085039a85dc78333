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
    public Task TheIssuesExample_IsFlaggedAfterEachHelper()
        => new NoUser.Test
        {
            TestCode = Session("""
                        SignIn(user, pass);
                        {|FTP0001:_ftp.Pass(pass)|};
                """),
        }.RunAsync();

    [Fact]
    public Task TransferAfterAHelperThatUsedThePasv_IsFlagged()
        => NoData.VerifyAnalyzerAsync(Session("""
                    _ftp.Login(user, pass);
                    Put("a.txt", s);
                    {|FTP0004:_ftp.Nlst(s)|};
                """));
}
