using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.CredentialsBeforeAuthTlsAnalyzer, FtpAnalyzers.CodeFixes.CredentialsBeforeAuthTlsFixer>;

namespace FtpAnalyzers.Tests.Fixes;

/// <summary>The FTP0009 fix (CredentialsBeforeAuthTlsFixer).</summary>
public sealed class CredentialsBeforeAuthTlsFixerTests
{
    private const string Plain = """
                using var c = FtpConnection.Connect(host);

        """;

    [Fact]
    public Task FTP0009_Moves_AuthTls_with_its_PBSZ_and_PROT_before_the_login()
        => Verify.VerifyCodeFixAsync(Method(Plain + """
                    c.User(u);
                    c.Pass(pw);
                    c.Noop();
                    {|FTP0009:c.AuthTls()|};
                    c.Pbsz(0);
                    c.Prot(FtpProtection.Private);
                    c.Download("f", s);
            """), Method(Plain + """
                    c.AuthTls();
                    c.Pbsz(0);
                    c.Prot(FtpProtection.Private);
                    c.User(u);
                    c.Pass(pw);
                    c.Noop();
                    c.Download("f", s);
            """), CredentialsBeforeAuthTlsFixer.MoveAuthTlsKey);

    [Fact]
    public Task FTP0009_Async_and_no_fix_across_an_unknown_command()
        => RemainingDiagnostics.Verify(new Verify.Test(), AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.LoginAsync(u, pw);
                    await {|FTP0009:c.AuthTlsAsync()|};
                    await using var d = await FtpConnection.ConnectAsync(host);
                    await d.LoginAsync(u, pw);
                    Console.WriteLine(d.IsEncrypted);
                    await {|FTP0009:d.AuthTlsAsync()|};
            """), AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.AuthTlsAsync();
                    await c.LoginAsync(u, pw);
                    await using var d = await FtpConnection.ConnectAsync(host);
                    await d.LoginAsync(u, pw);
                    Console.WriteLine(d.IsEncrypted);
                    await {|FTP0009:d.AuthTlsAsync()|};
            """), CredentialsBeforeAuthTlsFixer.MoveAuthTlsKey);
}
