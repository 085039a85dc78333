using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using static FtpAnalyzers.Tests.Rules.SequenceSources;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.TransferWithoutDataConnectionAnalyzer, FtpAnalyzers.CodeFixes.TransferWithoutDataConnectionFixer>;

namespace FtpAnalyzers.Tests.Fixes;

public sealed class TransferWithoutDataConnectionFixerTests
{
    private const string LoggedIn = """
                using var c = FtpConnection.Connect(host);
                c.Login(u, pw);

        """;

    [Fact]
    public Task Inserts_Epsv_after_the_comment_of_the_transfer()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    // List the folder.
                    {|FTP0004:c.List(s)|};
            """), Method(LoggedIn + """
                    // List the folder.
                    c.Epsv();
                    c.List(s);
            """), TransferWithoutDataConnectionFixer.InsertEpsvKey);

    [Fact]
    public Task Inserts_Pasv_before_a_transfer_whose_reply_is_used()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    var reply = {|FTP0004:c.Retr("f", s)|};
                    Console.WriteLine(reply.Code);
            """), Method(LoggedIn + """
                    c.Pasv();
                    var reply = c.Retr("f", s);
                    Console.WriteLine(reply.Code);
            """), TransferWithoutDataConnectionFixer.InsertPasvKey);

    [Fact]
    public Task Inserts_EpsvAsync_with_ConfigureAwait_and_token()
        => Verify.VerifyCodeFixAsync(Members("""
                async Task<FtpReply> M(FtpConnection c, System.IO.Stream s, System.Threading.CancellationToken ct)
                {
                    c.Pasv();
                    c.Retr("a", s);
                    return await {|FTP0004:c.RetrAsync("f", s, ct)|}.ConfigureAwait(false);
                }
            """), Members("""
                async Task<FtpReply> M(FtpConnection c, System.IO.Stream s, System.Threading.CancellationToken ct)
                {
                    c.Pasv();
                    c.Retr("a", s);
                    await c.EpsvAsync(ct).ConfigureAwait(false);
                    return await c.RetrAsync("f", s, ct).ConfigureAwait(false);
                }
            """), TransferWithoutDataConnectionFixer.InsertEpsvKey);

    [Fact]
    public Task Inserts_a_raw_PASV_for_a_raw_transfer()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    {|FTP0004:c.SendCommand("STOU")|};
            """), Method(LoggedIn + """
                    c.Pasv();
                    c.SendCommand("STOU");
            """), TransferWithoutDataConnectionFixer.InsertPasvKey);

    [Fact]
    public Task Inserts_into_the_loop_body_and_removes_the_Pasv_before_the_loop()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    c.Pasv();
                    foreach (var f in files)
                    {
                        var content = new MemoryStream();
                        {|FTP0004:c.Retr(f, content)|};
                    }
                    c.Quit();
            """), Method(LoggedIn + """
                    foreach (var f in files)
                    {
                        var content = new MemoryStream();
                        c.Epsv();
                        c.Retr(f, content);
                    }
                    c.Quit();
            """), TransferWithoutDataConnectionFixer.InsertEpsvKey);

    [Fact]
    public Task Makes_a_block_for_a_loop_body_without_braces()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    c.Pasv();
                    foreach (var f in files)
                        {|FTP0004:c.Retr(f, s)|};
            """), Method(LoggedIn + """
                    foreach (var f in files)
                    {
                        c.Epsv();
                        c.Retr(f, s);
                    }
            """), TransferWithoutDataConnectionFixer.InsertEpsvKey);

    [Fact]
    public Task Keeps_the_Pasv_before_the_loop_when_a_transfer_after_the_loop_may_use_it()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    c.Pasv();
                    foreach (var f in files)
                    {
                        {|FTP0004:c.Retr(f, s)|};
                    }
                    c.List(s);
            """), Method(LoggedIn + """
                    c.Pasv();
                    foreach (var f in files)
                    {
                        c.Epsv();
                        c.Retr(f, s);
                    }
                    c.List(s);
            """), TransferWithoutDataConnectionFixer.InsertEpsvKey);

    [Fact]
    public Task Uses_Download_and_removes_the_Pasv_before_the_loop()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    c.Pasv();
                    foreach (var f in files)
                    {
                        {|FTP0004:c.Retr(f, s)|};
                    }
            """), Method(LoggedIn + """
                    foreach (var f in files)
                    {
                        c.Download(f, s);
                    }
            """), TransferWithoutDataConnectionFixer.UseHelperKey);

    [Fact]
    public Task Uses_Download_keeping_the_blank_line_of_the_removed_Pasv()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    c.Pwd();

                    c.Pasv();
                    foreach (var f in files)
                    {
                        {|FTP0004:c.Retr(f, s)|};
                    }
            """), Method(LoggedIn + """
                    c.Pwd();

                    foreach (var f in files)
                    {
                        c.Download(f, s);
                    }
            """), TransferWithoutDataConnectionFixer.UseHelperKey);

    [Fact]
    public Task Uses_UploadAsync()
        => Verify.VerifyCodeFixAsync(AsyncMethod("""
                    await p.UploadAsync("a", s);
                    await {|FTP0004:p.StorAsync("b", s)|}.ConfigureAwait(false);
            """), AsyncMethod("""
                    await p.UploadAsync("a", s);
                    await p.UploadAsync("b", s).ConfigureAwait(false);
            """), TransferWithoutDataConnectionFixer.UseHelperKey);

    [Fact]
    public Task No_fix_in_an_expression_bodied_member()
    {
        var source = Members("""
                FtpReply M(string host, Stream s) => {|FTP0004:FtpConnection.Connect(host).Retr("f", s)|};
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Inserts_Epsv_for_a_connection_held_in_an_auto_property()
        => Verify.VerifyCodeFixAsync(Members("""
                FtpConnection Connection { get; } = FtpConnection.Connect("h");

                void M(Stream s)
                {
                    Connection.Pasv();
                    Connection.Nlst(s);
                    {|FTP0004:Connection.List(s)|};
                }
            """), Members("""
                FtpConnection Connection { get; } = FtpConnection.Connect("h");

                void M(Stream s)
                {
                    Connection.Pasv();
                    Connection.Nlst(s);
                    Connection.Epsv();
                    Connection.List(s);
                }
            """), TransferWithoutDataConnectionFixer.InsertEpsvKey);

    [Fact]
    public Task No_fix_on_the_call_of_a_helper_that_transfers()
    {
        // The helper's own RETR is what needs a data connection: nothing here is a transfer to arm for.
        var source = Members("""
                static FtpReply Fetch(FtpConnection c, string path, Stream s) => c.Retr(path, s);

                void M(string host, Stream s)
                {
                    using var c = FtpConnection.Connect(host);
                    c.Login("u", "p");
                    {|FTP0004:Fetch(c, "f", s)|};
                }
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_async_fix_where_await_cannot_be_written()
    {
        var source = Members("""
                Task<FtpReply> M(FtpConnection c, Stream s)
                {
                    c.Pasv();
                    c.Retr("a", s);
                    return {|FTP0004:c.RetrAsync("f", s)|};
                }
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task No_fix_for_a_transfer_in_a_loop_condition()
    {
        var source = Method(LoggedIn + """
                    c.Pasv();
                    while ({|FTP0004:c.Retr("f", s)|}.Code == 226)
                        Console.WriteLine("again");
            """);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Keeps_CRLF_line_endings_in_top_level_statements()
        => new Verify.Test
        {
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, Sources = { "using Ftp;\r\n\r\nusing var c = FtpConnection.Connect(\"h\");\r\nc.Login(\"u\", \"p\");\r\nvar s = new System.IO.MemoryStream();\r\n{|FTP0004:c.List(s)|};\r\nc.Quit();\r\n" } },
            FixedState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, Sources = { "using Ftp;\r\n\r\nusing var c = FtpConnection.Connect(\"h\");\r\nc.Login(\"u\", \"p\");\r\nvar s = new System.IO.MemoryStream();\r\nc.Epsv();\r\nc.List(s);\r\nc.Quit();\r\n" } },
            CodeActionEquivalenceKey = TransferWithoutDataConnectionFixer.InsertEpsvKey,
        }.RunAsync();

    [Fact]
    public Task Fixes_all_in_a_document_with_a_loop()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    {|FTP0004:c.List(s)|};
                    c.Pasv();
                    foreach (var f in files)
                    {
                        {|FTP0004:c.Retr(f, s)|};
                        Console.WriteLine(f);
                    }
                    c.Quit();
            """), Method(LoggedIn + """
                    c.Epsv();
                    c.List(s);
                    foreach (var f in files)
                    {
                        c.Epsv();
                        c.Retr(f, s);
                        Console.WriteLine(f);
                    }
                    c.Quit();
            """), TransferWithoutDataConnectionFixer.InsertEpsvKey);

    [Fact]
    public Task Fixes_all_in_a_document()
        => Verify.VerifyCodeFixAsync(Method(LoggedIn + """
                    {|FTP0004:c.List(s)|};
                    {|FTP0004:c.Retr("a", s)|};
                    if (flag)
                        {|FTP0004:c.Stor("b", s)|};
            """), Method(LoggedIn + """
                    c.Epsv();
                    c.List(s);
                    c.Epsv();
                    c.Retr("a", s);
                    if (flag)
                    {
                        c.Epsv();
                        c.Stor("b", s);
                    }
            """), TransferWithoutDataConnectionFixer.InsertEpsvKey);
}
