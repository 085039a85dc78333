using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.TransferWithoutProtPrivateAnalyzer, FtpAnalyzers.CodeFixes.TransferWithoutProtPrivateFixer>;

namespace FtpAnalyzers.Tests.Fixes;

/// <summary>The FTP0010 fixes (TransferWithoutProtPrivateFixer).</summary>
public sealed class TransferWithoutProtPrivateFixerTests
{
    private const string Plain = """
                using var c = FtpConnection.Connect(host);

        """;

    [Fact]
    public Task FTP0010_Inserts_after_AuthTls_once_for_all_transfers()
        => Verify.VerifyCodeFixAsync(Method(Plain + """
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
        => Verify.VerifyCodeFixAsync(Members("""
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
        => Verify.VerifyCodeFixAsync(Method(Plain + """
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
}
