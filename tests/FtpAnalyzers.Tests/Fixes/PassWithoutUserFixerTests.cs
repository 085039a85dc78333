using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.PassWithoutUserAnalyzer, FtpAnalyzers.CodeFixes.PassWithoutUserFixer>;

namespace FtpAnalyzers.Tests.Fixes;

public sealed class PassWithoutUserFixerTests
{
    [Fact]
    public Task Moves_User_before_Pass_with_its_comment()
        => Verify.VerifyCodeFixAsync(Method("""
                    using var c = FtpConnection.Connect(host);
                    // Log in.
                    {|FTP0001:c.Pass(pw)|};
                    Console.WriteLine("sent");
                    // The user name.
                    c.User(u);
                    c.Pwd();
            """), Method("""
                    using var c = FtpConnection.Connect(host);
                    // Log in.
                    // The user name.
                    c.User(u);
                    c.Pass(pw);
                    Console.WriteLine("sent");
                    c.Pwd();
            """), PassWithoutUserFixer.MoveUserKey);

    [Fact]
    public Task Uses_Login()
        => Verify.VerifyCodeFixAsync(Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0001:c.Pass(pw)|};
                    c.User(u);
                    c.Pwd();
            """), Method("""
                    using var c = FtpConnection.Connect(host);
                    c.Login(u, pw);
                    c.Pwd();
            """), PassWithoutUserFixer.UseLoginKey);

    [Fact]
    public Task Uses_LoginAsync_keeping_await_ConfigureAwait_and_token()
        => Verify.VerifyCodeFixAsync(Members("""
                async Task M(string host, string u, string pw, System.Threading.CancellationToken ct)
                {
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await {|FTP0001:c.PassAsync(pw, ct)|}.ConfigureAwait(false);
                    await c.UserAsync(u, ct).ConfigureAwait(false);
                }
            """), Members("""
                async Task M(string host, string u, string pw, System.Threading.CancellationToken ct)
                {
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.LoginAsync(u, pw, ct).ConfigureAwait(false);
                }
            """), PassWithoutUserFixer.UseLoginKey);

    [Fact]
    public Task Moves_UserAsync_before_a_Pass_whose_reply_is_used()
        => Verify.VerifyCodeFixAsync(AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    var reply = await {|FTP0001:c.PassAsync(pw)|};
                    await c.UserAsync(u);
                    Console.WriteLine(reply);
            """), AsyncMethod("""
                    await using var c = await FtpConnection.ConnectAsync(host);
                    await c.UserAsync(u);
                    var reply = await c.PassAsync(pw);
                    Console.WriteLine(reply);
            """), PassWithoutUserFixer.MoveUserKey);

    [Fact]
    public Task Moves_a_User_whose_reply_is_kept_with_its_declaration()
        => Verify.VerifyCodeFixAsync(Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0001:c.Pass(pw)|};
                    var greeting = c.User(u);
                    Console.WriteLine(greeting.Message);
            """), Method("""
                    using var c = FtpConnection.Connect(host);
                    var greeting = c.User(u);
                    c.Pass(pw);
                    Console.WriteLine(greeting.Message);
            """), PassWithoutUserFixer.MoveUserKey);

    [Fact]
    public Task No_Login_fix_when_the_User_reply_is_kept()
    {
        // Login would delete the declaration the next statement reads.
        var source = Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0001:c.Pass(pw)|};
                    var greeting = c.User(u);
                    Console.WriteLine(greeting.Message);
            """);
        return Verify.VerifyCodeFixAsync(source, source, PassWithoutUserFixer.UseLoginKey);
    }

    [Fact]
    public Task No_Login_fix_even_when_the_kept_User_reply_is_never_read()
    {
        // Deleting this declaration would compile, but the user kept the reply: only the move is offered.
        var source = Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0001:c.Pass(pw)|};
                    var greeting = c.User(u);
            """);
        return Verify.VerifyCodeFixAsync(source, source, PassWithoutUserFixer.UseLoginKey);
    }

    [Fact]
    public Task Uses_Login_in_a_condition()
        => Verify.VerifyCodeFixAsync(Method("""
                    using var c = FtpConnection.Connect(host);
                    if ({|FTP0001:c.Pass(pw)|}.Code == 230)
                        Console.WriteLine("in");
                    c.User(u);
            """), Method("""
                    using var c = FtpConnection.Connect(host);
                    if (c.Login(u, pw).Code == 230)
                        Console.WriteLine("in");
            """), PassWithoutUserFixer.UseLoginKey);

    [Fact]
    public Task Moves_a_raw_USER_line()
        => Verify.VerifyCodeFixAsync(Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0001:c.SendCommand("PASS " + pw)|};
                    c.SendCommand("USER " + u);
            """), Method("""
                    using var c = FtpConnection.Connect(host);
                    c.SendCommand("USER " + u);
                    c.SendCommand("PASS " + pw);
            """));

    [Fact]
    public Task No_fix_when_the_user_name_is_computed_in_between()
    {
        var source = Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0001:c.Pass(pw)|};
                    var name = u.Trim();
                    c.User(name);
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Moves_User_before_Pass_on_a_field()
        => Verify.VerifyCodeFixAsync(Members("""
                private FtpConnection _ftp = null!;

                void M(string host, string u, string pw)
                {
                    _ftp = FtpConnection.Connect(host);
                    {|FTP0001:_ftp.Pass(pw)|};
                    Console.WriteLine("sent");
                    _ftp.User(u);
                }
            """), Members("""
                private FtpConnection _ftp = null!;

                void M(string host, string u, string pw)
                {
                    _ftp = FtpConnection.Connect(host);
                    _ftp.User(u);
                    _ftp.Pass(pw);
                    Console.WriteLine("sent");
                }
            """), PassWithoutUserFixer.MoveUserKey);

    [Fact]
    public Task No_fix_across_a_helper_on_this_that_may_use_the_field()
    {
        // Greet() sends a USER on _ftp: moving the later USER above it would change what it arms.
        var source = Members("""
                private FtpConnection _ftp = null!;

                private void Greet() => _ftp.User("anonymous");

                void M(string host, string u, string pw)
                {
                    _ftp = FtpConnection.Connect(host);
                    {|FTP0001:_ftp.Pass(pw)|};
                    Greet();
                    _ftp.User(u);
                }
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_fix_across_a_helper_that_receives_the_connection()
    {
        var source = Members("""
                static void Greet(FtpConnection c) => c.User("anonymous");

                void M(string host, string u, string pw)
                {
                    using var c = FtpConnection.Connect(host);
                    {|FTP0001:c.Pass(pw)|};
                    Greet(c);
                    c.User(u);
                }
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_fix_when_no_User_follows_in_the_same_list()
    {
        var source = Method("""
                    using var c = FtpConnection.Connect(host);
                    {|FTP0001:c.Pass(pw)|};
                    if (flag)
                    {
                        c.User(u);
                    }
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_fix_for_a_Pass_under_an_if_without_braces()
    {
        var source = Method("""
                    using var c = FtpConnection.Connect(host);
                    if (flag)
                        {|FTP0001:c.Pass(pw)|};
                    c.User(u);
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Moves_User_before_a_declaration_and_leaves_the_expression_bodied_helper_alone()
    {
        // The helper's PASS after a PASS is one without USER, reported on its call, before and after the fix.
        var source = Members("""
                static FtpReply Send(FtpConnection c, string pw) => c.Pass(pw);
                void M(string host, string pw)
                {
                    using var c = FtpConnection.Connect(host);
                    var r = {|FTP0001:c.Pass(pw)|} ?? {|FTP0001:Send(c, pw)|};
                    c.User(pw);
                }
            """);
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = Members("""
                static FtpReply Send(FtpConnection c, string pw) => c.Pass(pw);
                void M(string host, string pw)
                {
                    using var c = FtpConnection.Connect(host);
                    c.User(pw);
                    var r = c.Pass(pw) ?? {|FTP0001:Send(c, pw)|};
                }
            """),
            CodeActionEquivalenceKey = PassWithoutUserFixer.MoveUserKey,
        };
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        return test.RunAsync();
    }

    [Fact]
    public Task Fixes_all_in_a_document_and_in_top_level_statements()
        => new Verify.Test
        {
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, Sources = { """
                using Ftp;

                using var a = FtpConnection.Connect("h");
                {|FTP0001:a.Pass("p")|};
                a.User("u");

                using var b = FtpConnection.Connect("h");
                {|FTP0001:b.Pass("q")|};
                b.User("v");
                b.Quit();
                """ } },
            FixedState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, Sources = { """
                using Ftp;

                using var a = FtpConnection.Connect("h");
                a.Login("u", "p");

                using var b = FtpConnection.Connect("h");
                b.Login("v", "q");
                b.Quit();
                """ } },
            CodeActionEquivalenceKey = PassWithoutUserFixer.UseLoginKey,
        }.RunAsync();
}
