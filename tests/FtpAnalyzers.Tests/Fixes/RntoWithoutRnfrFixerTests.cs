using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.RntoWithoutRnfrAnalyzer, FtpAnalyzers.CodeFixes.RntoWithoutRnfrFixer>;

namespace FtpAnalyzers.Tests.Fixes;

public sealed class RntoWithoutRnfrFixerTests
{
    private const string LoggedIn = """
                using var c = FtpConnection.Connect(host);
                c.Login(u, pw);

        """;

    [Fact]
    public Task Moves_Rnfr_right_before_Rnto()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    // Rename.
                    {|FTP0002:c.Rnto("b")|};
                    c.Rnfr("a"); // the source
            """), Method(LoggedIn + """
                    // Rename.
                    c.Rnfr("a"); // the source
                    c.Rnto("b");
            """), RntoWithoutRnfrFixer.MoveRnfrKey);

    [Fact]
    public Task Moves_an_Rnfr_whose_reply_is_kept_with_its_declaration()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    {|FTP0002:c.Rnto("b")|};
                    var pending = c.Rnfr("a");
                    Console.WriteLine(pending.Code);
            """), Method(LoggedIn + """
                    var pending = c.Rnfr("a");
                    c.Rnto("b");
                    Console.WriteLine(pending.Code);
            """), RntoWithoutRnfrFixer.MoveRnfrKey);

    [Fact]
    public Task Uses_Rename()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    {|FTP0002:c.Rnto("b")|};
                    c.Rnfr("a");
                    c.Pwd();
            """), Method(LoggedIn + """
                    c.Rename("a", "b");
                    c.Pwd();
            """), RntoWithoutRnfrFixer.UseRenameKey);

    [Fact]
    public Task Uses_RenameAsync_in_a_condition_keeping_ConfigureAwait()
        => Verify.VerifyCodeFixAsync(AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.LoginAsync(u, pw);
                    if ((await {|FTP0002:c.RntoAsync("b")|}.ConfigureAwait(false)).Code == 250)
                        Console.WriteLine("renamed");
                    await c.RnfrAsync("a").ConfigureAwait(false);
            """), AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.LoginAsync(u, pw);
                    if ((await c.RenameAsync("a", "b").ConfigureAwait(false)).Code == 250)
                        Console.WriteLine("renamed");
            """), RntoWithoutRnfrFixer.UseRenameKey);

    [Fact]
    public Task Moves_RnfrAsync_before_an_RntoAsync_whose_reply_is_returned()
        => Verify.VerifyCodeFixAsync(Members("""
                async Task<FtpReply> M(FtpConnection c)
                {
                    c.Noop();
                    var reply = await {|FTP0002:c.RntoAsync("b")|};
                    await c.RnfrAsync("a");
                    return reply;
                }
            """), Members("""
                async Task<FtpReply> M(FtpConnection c)
                {
                    c.Noop();
                    await c.RnfrAsync("a");
                    var reply = await c.RntoAsync("b");
                    return reply;
                }
            """), RntoWithoutRnfrFixer.MoveRnfrKey);

    [Fact]
    public Task No_fix_when_the_source_is_computed_in_between()
    {
        var source = Method(LoggedIn + """
                    {|FTP0002:c.Rnto("b")|};
                    var from = u + ".txt";
                    c.Rnfr(from);
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_fix_in_a_loop_after_one_Rnfr()
    {
        var source = Method(LoggedIn + """
                    c.Rnfr("a");
                    foreach (var f in files) {|FTP0002:c.Rnto(f)|};
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_fix_in_an_expression_bodied_member()
    {
        var source = Members("""
                FtpReply M(string host) => {|FTP0002:FtpConnection.Connect(host).Rnto("b")|};
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Fixes_all_in_a_document()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    {|FTP0002:c.Rnto("b")|};
                    c.Rnfr("a");
                    using var d = FtpConnection.Connect(host);
                    d.Login(u, pw);
                    {|FTP0002:d.Rnto("y")|};
                    d.Rnfr("x");
            """), Method(LoggedIn + """
                    c.Rnfr("a");
                    c.Rnto("b");
                    using var d = FtpConnection.Connect(host);
                    d.Login(u, pw);
                    d.Rnfr("x");
                    d.Rnto("y");
            """), RntoWithoutRnfrFixer.MoveRnfrKey);
}
