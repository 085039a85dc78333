using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.CommandBetweenRnfrAndRntoAnalyzer, FtpAnalyzers.CodeFixes.CommandBetweenRnfrAndRntoFixer>;

namespace FtpAnalyzers.Tests.Fixes;

public sealed class CommandBetweenRnfrAndRntoFixerTests
{
    private const string LoggedIn = """
                using var c = FtpConnection.Connect(host);
                c.Login(u, pw);

        """;

    [Fact]
    public Task Moves_Rnfr_down_with_its_comment()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    // Rename a to b.
                    c.Rnfr("a");
                    var size = {|FTP0003:c.Size("a")|};
                    Console.WriteLine(size);
                    c.Rnto("b");
            """), Method(LoggedIn + """
                    var size = c.Size("a");
                    Console.WriteLine(size);
                    // Rename a to b.
                    c.Rnfr("a");
                    c.Rnto("b");
            """), CommandBetweenRnfrAndRntoFixer.MoveRnfrDownKey);

    [Fact]
    public Task Moved_statement_leaves_its_blank_line_in_place()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    c.Pwd();

                    // Rename a to b.
                    c.Rnfr("a");
                    {|FTP0003:c.Noop()|};
                    c.Rnto("b");
            """), Method(LoggedIn + """
                    c.Pwd();

                    c.Noop();
                    // Rename a to b.
                    c.Rnfr("a");
                    c.Rnto("b");
            """), CommandBetweenRnfrAndRntoFixer.MoveRnfrDownKey);

    [Fact]
    public Task Moves_the_intervening_command_up_when_a_check_uses_the_Rnfr_reply()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    var from = c.Rnfr("a");
                    if (from.Code != 350)
                        throw new InvalidOperationException(from.Message);
                    {|FTP0003:c.Pwd()|};
                    c.Rnto("b");
            """), Method(LoggedIn + """
                    c.Pwd();
                    var from = c.Rnfr("a");
                    if (from.Code != 350)
                        throw new InvalidOperationException(from.Message);
                    c.Rnto("b");
            """), CommandBetweenRnfrAndRntoFixer.MoveInterveningUpKey);

    [Fact]
    public Task Moves_Rnfr_down_past_an_if_else_and_async_commands()
        => Verify.VerifyCodeFixAsync(AsyncMethod("""
                    await p.RnfrAsync("a").ConfigureAwait(false);
                    if (flag) await {|FTP0003:p.PwdAsync()|}; else await {|FTP0003:p.NoopAsync()|};
                    await p.RntoAsync("b");
            """), AsyncMethod("""
                    if (flag) await p.PwdAsync(); else await p.NoopAsync();
                    await p.RnfrAsync("a").ConfigureAwait(false);
                    await p.RntoAsync("b");
            """));

    [Fact]
    public Task No_fix_when_the_command_in_between_uses_the_Rnfr_reply()
    {
        var source = Method(LoggedIn + """
                    var from = c.Rnfr("a");
                    {|FTP0003:c.Size(from.Message)|};
                    c.Rnto("b");
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_fix_without_Rnto_in_the_same_list()
    {
        var source = Method(LoggedIn + """
                    c.Rnfr("a");
                    {|FTP0003:c.Pwd()|};
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Fixes_all_in_a_document()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    c.Rnfr("a");
                    {|FTP0003:c.Pwd()|};
                    c.Rnto("b");
                    c.Rnfr("x");
                    {|FTP0003:c.Noop()|};
                    c.Rnto("y");
            """), Method(LoggedIn + """
                    c.Pwd();
                    c.Rnfr("a");
                    c.Rnto("b");
                    c.Noop();
                    c.Rnfr("x");
                    c.Rnto("y");
            """));
}
