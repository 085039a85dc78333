using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FtpAnalyzers.Tests.Protocol;

/// <summary>
/// The text prefilter of the sequence rules: it may say "maybe" for text that calls nothing (a
/// comment), but must never say "no" for text that calls a name as code is written.
/// </summary>
public class CallNameScannerTests
{
    private static readonly CallNameScanner Scanner = new(
        qualifiedOnly: new[] { "User", "List", "SendCommand" },
        anywhere: new[] { "SignIn" },
        staticOf: new[] { ("Connect", "FtpConnection") });

    private static bool MayCall(string text) => Scanner.MayCall(SourceText.From(text), new TextSpan(0, text.Length));

    [Theory]
    [InlineData("c.User(\"u\");")]
    [InlineData("c . User (\"u\");")]
    [InlineData("c?.User(\"u\");")]
    [InlineData("c!.User(\"u\");")]
    [InlineData("c\n    .User(\"u\")\n    .Code;")]
    [InlineData("await c.SendCommand(\"NOOP\");")]
    [InlineData("x.List(names);")]
    [InlineData("SignIn(c, u, p);")]
    [InlineData("Helpers.SignIn(c, u, p);")]
    [InlineData("SignIn<FtpConnection>(c);")]
    [InlineData("ñame.User(\"u\");")]
    [InlineData("using var c = FtpConnection.Connect(host);")]
    [InlineData("using var c = Ftp.FtpConnection . Connect(host);")]
    public void A_call_of_a_name_is_seen(string text) => Assert.True(MayCall(text));

    [Theory]
    [InlineData("var names = new List<string>();")]
    [InlineData("var names = new System.Collections.Generic.List<string>();")]
    [InlineData("User(\"u\");")]                     // bare: only an [FtpCommand] helper is called that way
    [InlineData("c.Users(\"u\"); c.MyUser(\"u\");")]   // longer names that contain one
    [InlineData("c.User = 3; var user = c.User;")]  // a property, not a call
    [InlineData("int SignInCount(int x) => x;")]
    [InlineData("socket.Connect(endPoint); client.Connect(host, 21);")]   // a Connect of another type
    [InlineData("")]
    public void Text_without_a_call_of_a_name_is_rejected(string text) => Assert.False(MayCall(text));

    [Theory]
    [InlineData(8192 - 3)]
    [InlineData(8192)]
    [InlineData(8192 + 1)]
    [InlineData(2 * 8192 - 6)]
    public void A_call_far_into_a_long_text_is_seen(int offset)
    {
        var text = new string(' ', offset) + "c.User(\"u\");";
        Assert.True(MayCall(text));
    }

    [Fact]
    public void Only_the_span_asked_about_is_read()
    {
        var text = SourceText.From("void A() { c.User(\"u\"); } void B() { c.Pwd(); }");
        var b = text.ToString().IndexOf("void B", System.StringComparison.Ordinal);
        Assert.False(Scanner.MayCall(text, TextSpan.FromBounds(b, text.Length)));
        Assert.True(Scanner.MayCall(text, TextSpan.FromBounds(0, b)));
    }

    [Fact]
    public void A_name_found_where_the_caller_says_is_not_code_does_not_count()
    {
        var text = SourceText.From("// c.User(\"u\")\nc.Pwd();\nc.List(names);");
        var comment = text.ToString().IndexOf("User", System.StringComparison.Ordinal);
        var list = text.ToString().IndexOf("List", System.StringComparison.Ordinal);
        var span = new TextSpan(0, text.Length);
        Assert.False(Scanner.MayCall(text, span, position => position > comment + 4 && position < list));
        Assert.True(Scanner.MayCall(text, span, position => position == list + 3));   // asked with the name's last character
    }
}
