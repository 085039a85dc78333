using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.CommandBeforeLoginAnalyzer, FtpAnalyzers.CodeFixes.CommandBeforeLoginFixer>;

namespace FtpAnalyzers.Tests.Fixes;

public sealed class CommandBeforeLoginFixerTests
{
    [Fact]
    public Task Moves_Login_before_the_command()
        => Verify.VerifyCodeFixAsync(Method("""
                    using var c = FtpConnection.Connect(host);
                    Console.WriteLine({|FTP0005:c.Pwd()|});
                    // Log in.
                    c.Login(u, pw);
            """), Method("""
                    using var c = FtpConnection.Connect(host);
                    // Log in.
                    c.Login(u, pw);
                    Console.WriteLine(c.Pwd());
            """), CommandBeforeLoginFixer.MoveLoginKey);

    [Fact]
    public Task Moves_User_and_Pass_async_before_the_first_command_needing_them()
        => Verify.VerifyCodeFixAsync(AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.FeatAsync();
                    await {|FTP0005:c.CwdAsync("/")|};
                    var size = await {|FTP0005:c.SizeAsync("f")|};
                    await c.UserAsync(u);
                    await c.PassAsync(pw);
            """), AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.FeatAsync();
                    await c.UserAsync(u);
                    await c.PassAsync(pw);
                    await c.CwdAsync("/");
                    var size = await c.SizeAsync("f");
            """));

    [Fact]
    public Task No_fix_without_a_later_login()
    {
        var source = Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0005:c.Pwd()|};
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_fix_when_the_password_is_read_in_between()
    {
        var source = Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0005:c.Pwd()|};
                    var secret = Console.ReadLine();
                    c.Login(u, secret);
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_fix_when_User_and_Pass_are_not_adjacent()
    {
        var source = Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0005:c.Pwd()|};
                    c.User(u);
                    Console.WriteLine();
                    c.Pass(pw);
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }
}
