using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify0008 = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.TlsSetupOutOfOrderAnalyzer, FtpAnalyzers.CodeFixes.TlsSetupOutOfOrderFixer>;
using Verify0009 = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.CredentialsBeforeAuthTlsAnalyzer, FtpAnalyzers.CodeFixes.CredentialsBeforeAuthTlsFixer>;
using Verify0010 = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.TransferWithoutProtPrivateAnalyzer, FtpAnalyzers.CodeFixes.TransferWithoutProtPrivateFixer>;

namespace FtpAnalyzers.Tests.Fixes;

/// <summary>The fixes of FTP0008 (TlsSetupOutOfOrderFixer), FTP0009 (CredentialsBeforeAuthTlsFixer) and FTP0010 (TransferWithoutProtPrivateFixer).</summary>
public sealed class TlsFixerTests
{
    private const string Plain = """
                using var c = FtpConnection.Connect(host);

        """;

    [Fact]
    public Task FTP0008_Moves_AuthTls_before_the_PBSZ_and_PROT_FixAll()
        => Verify0008.VerifyCodeFixAsync(Method(Plain + """
                    // Protect the data.
                    {|FTP0008:c.Pbsz(0)|};
                    {|FTP0008:c.Prot(FtpProtection.Private)|};
                    c.Noop();
                    c.AuthTls(); // secure
                    c.Login(u, pw);
            """), Method(Plain + """
                    // Protect the data.
                    c.AuthTls(); // secure
                    c.Pbsz(0);
                    c.Prot(FtpProtection.Private);
                    c.Noop();
                    c.Login(u, pw);
            """), TlsSetupOutOfOrderFixer.MoveAuthTlsKey);

    [Fact]
    public Task FTP0008_Inserts_PbszAsync_before_the_PROT()
        => Verify0008.VerifyCodeFixAsync(AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.AuthTlsAsync();
                    await {|FTP0008:c.ProtAsync(FtpProtection.Private)|}.ConfigureAwait(false);
            """), AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.AuthTlsAsync();
                    await c.PbszAsync(0).ConfigureAwait(false);
                    await c.ProtAsync(FtpProtection.Private).ConfigureAwait(false);
            """), TlsSetupOutOfOrderFixer.InsertPbszKey);

    [Fact]
    public Task FTP0008_Moves_an_AuthTls_whose_reply_is_kept_but_not_one_that_is_tested()
        => WithRemainingDiagnostics(new Verify0008.Test(), Method(Plain + """
                    {|FTP0008:c.Pbsz(0)|};
                    var ok = flag;
                    var r = c.AuthTls();
                    Console.WriteLine(r.Code);
                    using var d = FtpConnection.Connect(host);
                    {|FTP0008:d.Pbsz(0)|};
                    if (d.AuthTls().Code != 234) return;
            """), Method(Plain + """
                    var r = c.AuthTls();
                    c.Pbsz(0);
                    var ok = flag;
                    Console.WriteLine(r.Code);
                    using var d = FtpConnection.Connect(host);
                    {|FTP0008:d.Pbsz(0)|};
                    if (d.AuthTls().Code != 234) return;
            """), TlsSetupOutOfOrderFixer.MoveAuthTlsKey);

    [Fact]
    public Task FTP0009_Moves_AuthTls_with_its_PBSZ_and_PROT_before_the_login()
        => Verify0009.VerifyCodeFixAsync(Method(Plain + """
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
        => WithRemainingDiagnostics(new Verify0009.Test(), AsyncMethod("""
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

    [Fact]
    public Task FTP0010_Inserts_after_AuthTls_once_for_all_transfers()
        => Verify0010.VerifyCodeFixAsync(Method(Plain + """
                    c.AuthTls();
                    c.Login(u, pw);
                    {|FTP0010:c.Download("a", s)|};
                    {|FTP0010:c.Upload("b", s)|};
            """), Method(Plain + """
                    c.AuthTls();
                    c.Pbsz(0);
                    c.Prot(FtpProtection.Private);
                    c.Login(u, pw);
                    c.Download("a", s);
                    c.Upload("b", s);
            """), TransferWithoutProtPrivateFixer.InsertAfterAuthTlsKey);

    [Fact]
    public Task FTP0010_Inserts_before_the_transfer_when_the_AuthTls_reply_is_tested()
        => Verify0010.VerifyCodeFixAsync(Members("""
                async Task M(System.IO.Stream s, System.Threading.CancellationToken ct)
                {
                    await using var c = await Ftp.FtpConnection.ConnectAsync("h");
                    if ((await c.AuthTlsAsync()).Code != 234) return;
                    await c.LoginAsync("u", "p");
                    await {|FTP0010:c.DownloadAsync("a", s, ct)|};
                    await {|FTP0010:c.DownloadAsync("b", s, ct)|};
                }
            """), Members("""
                async Task M(System.IO.Stream s, System.Threading.CancellationToken ct)
                {
                    await using var c = await Ftp.FtpConnection.ConnectAsync("h");
                    if ((await c.AuthTlsAsync()).Code != 234) return;
                    await c.LoginAsync("u", "p");
                    await c.PbszAsync(0, ct);
                    await c.ProtAsync(FtpProtection.Private, ct);
                    await c.DownloadAsync("a", s, ct);
                    await c.DownloadAsync("b", s, ct);
                }
            """), TransferWithoutProtPrivateFixer.InsertBeforeTransferKey);

    [Fact]
    public Task FTP0010_NoFix_after_a_PROT_C()
        => Verify0010.VerifyCodeFixAsync(Method(Plain + """
                    c.AuthTls();
                    c.Login(u, pw);
                    c.Prot(FtpProtection.Clear);
                    {|FTP0010:c.Download("a", s)|};
            """), Method(Plain + """
                    c.AuthTls();
                    c.Login(u, pw);
                    c.Prot(FtpProtection.Clear);
                    {|FTP0010:c.Download("a", s)|};
            """));

    /// <summary>A fix test whose fixed code still has diagnostics, marked up.</summary>
    private static Task WithRemainingDiagnostics<TTest>(TTest test, string source, string fixedSource, string key)
        where TTest : Microsoft.CodeAnalysis.Testing.CodeFixTest<Microsoft.CodeAnalysis.Testing.DefaultVerifier>
    {
        test.TestCode = source;
        test.FixedCode = fixedSource;
        test.CodeActionEquivalenceKey = key;
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        return test.RunAsync();
    }
}
