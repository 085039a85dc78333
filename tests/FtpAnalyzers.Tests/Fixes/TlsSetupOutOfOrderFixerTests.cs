using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.TlsSetupOutOfOrderAnalyzer, FtpAnalyzers.CodeFixes.TlsSetupOutOfOrderFixer>;

namespace FtpAnalyzers.Tests.Fixes;

/// <summary>The FTP0008 fixes (TlsSetupOutOfOrderFixer).</summary>
public sealed class TlsSetupOutOfOrderFixerTests
{
    private const string Plain = """
                using var c = FtpConnection.Connect(host);

        """;

    [Fact]
    public Task FTP0008_Moves_AuthTls_before_the_PBSZ_and_PROT_FixAll()
        => Verify.VerifyCodeFixAsync(Method(Plain + """
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
        => Verify.VerifyCodeFixAsync(AsyncMethod("""
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
        => RemainingDiagnostics.Verify(new Verify.Test(), Method(Plain + """
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
}
