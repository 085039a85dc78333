using FtpAnalyzers.PassiveReply;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FtpAnalyzers.Tests.PassiveReply;

/// <summary>
/// The token screen of FTP0006/FTP0007: what a member must contain before its operations are
/// built. It may admit code that computes no port and connects nowhere, never reject code that does.
/// </summary>
public class SyntaxScreenTests
{
    private static SyntaxNeeds Scan(string statements)
        => SyntaxScreen.Scan(CSharpSyntaxTree.ParseText($"class C {{ void M() {{ {statements} }} }}").GetRoot());

    [Theory]
    [InlineData("var port = p1 * 256 + p2;")]
    [InlineData("var port = 256 * p1 + p2;")]
    [InlineData("var port = p1 * 0x100 + p2;")]
    [InlineData("port *= 256; port += p2;")]
    [InlineData("const int Multiplier = 256; var port = p1 * Multiplier + p2;")]
    [InlineData("var port = (p1 << 8) | p2;")]
    [InlineData("port <<= 8; port |= p2;")]
    [InlineData("const int Shift = 8; var port = (p1 << Shift) | p2;")]
    public void A_port_computation_is_admitted(string statements)
        => Assert.Equal(SyntaxNeeds.PortArithmetic, Scan(statements) & SyntaxNeeds.PortArithmetic);

    [Theory]
    [InlineData("var buffer = new byte[256];")]
    [InlineData("var text = new System.Text.StringBuilder(256);")]
    [InlineData("if (count <= 256) return;")]
    [InlineData("var flags = 1 << 3; var size = 16 + 8;")]
    public void A_256_or_an_8_that_is_no_port_arithmetic_is_rejected(string statements)
        => Assert.Equal(SyntaxNeeds.None, Scan(statements) & SyntaxNeeds.PortArithmetic);

    [Theory]
    [InlineData("var client = new System.Net.Sockets.TcpClient(host + \".\" + last, port);")]
    [InlineData("socket.Connect(System.Net.IPAddress.Parse(host), port);")]
    [InlineData("await client.ConnectAsync(string.Join(\".\", parts), port);")]
    [InlineData("var entry = System.Net.Dns.GetHostEntry(a + \".\" + b);")]
    public void A_connect_given_a_built_host_is_admitted(string statements)
        => Assert.Equal(SyntaxNeeds.ConnectSink, Scan(statements) & SyntaxNeeds.ConnectSink);

    [Theory]
    [InlineData("options.ConnectTimeout = 5000; var name = host + \".\";")]       // a property, not a call
    [InlineData("if (!client.IsConnected) name = a + \".\" + b;")]                // a longer name
    [InlineData("DataConnection kind = default; var name = a + \".\" + b;")]    // a type named, nothing made
    public void A_name_of_connecting_that_is_not_called_is_rejected(string statements)
        => Assert.Equal(SyntaxNeeds.None, Scan(statements) & SyntaxNeeds.ConnectSink);
}
