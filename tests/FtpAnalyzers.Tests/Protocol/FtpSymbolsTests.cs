using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.Protocol;
using FtpAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Tests.Protocol;

/// <summary>Which calls are FTP commands, and with which verbs.</summary>
public class FtpSymbolsTests
{
    [Theory]
    [InlineData("c.Pass(pw)", "PASS")]
    [InlineData("c.PassAsync(pw)", "PASS")]
    [InlineData("c.SendCommand(\"PASS \" + pw)", "PASS")]
    [InlineData("c.SendCommand(\"pass secret\")", "PASS")]
    [InlineData("c.SendCommand(\"Pasv\")", "PASV")]
    [InlineData("c.SendCommand(\"NOOP\\r\\n\")", "NOOP")]
    [InlineData("c.SendCommand($\"RNTO {pw}\")", "RNTO")]
    [InlineData("c.SendCommand(Prefix + pw)", "RETR")]
    [InlineData("c.SendCommand(\"STOU\" + \" \" + pw + \" x\")", "STOU")]
    [InlineData("c.SendCommandAsync(\"list\")", "LIST")]
    [InlineData("c.SendCommand(string.Format(\"PASS {0}\", pw))", "PASS")]
    [InlineData("c.SendCommand(string.Format(\"QUIT\"))", "QUIT")]
    [InlineData("c.SendCommand(string.Concat(\"RETR \", pw))", "RETR")]
    [InlineData("c.SendCommand(string.Format(\"PAS{0} x\", pw))", "?")]
    [InlineData("c.SendCommand(string.Format(pw, pw))", "?")]
    [InlineData("c.Login(pw, pw)", "USER,PASS")]
    [InlineData("c.RenameAsync(pw, pw)", "RNFR,RNTO")]
    [InlineData("c.Download(pw, System.IO.Stream.Null)", "TYPE,EPSV,RETR")]
    [InlineData("c.UploadAsync(pw, System.IO.Stream.Null)", "TYPE,EPSV,STOR")]
    [InlineData("c.SendCommand(pw)", "?")]
    [InlineData("c.SendCommand(\"PA\" + pw)", "?")]
    [InlineData("c.SendCommand($\"{pw} x\")", "?")]
    [InlineData("c.SendCommand(\" PASS x\")", "?")]
    [InlineData("c.SendCommand(\"\")", "?")]
    [InlineData("c.SendCommand(\"SOMETHINGLONG x\")", "?")]
    [InlineData("c.DisposeAsync()", null)]
    [InlineData("FtpConnection.Connect(pw)", null)]
    [InlineData("pw.ToString()", null)]
    public async Task RecognizesCommands(string call, string? expectedVerbs)
    {
        var source = """
            using Ftp;
            class C
            {
                const string Prefix = "RETR ";
                void M(FtpConnection c, string pw) { _ = CALL; }
            }
            """.Replace("CALL", call);
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.FtpClient);
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("protocol", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var invocationSyntax = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().First();
        var invocation = (IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(invocationSyntax)!;

        var command = FtpSymbols.TryCreate(compilation)!.GetCommand(invocation);

        Assert.Equal(expectedVerbs, command is null ? null : string.Join(",", command.Verbs.Select(v => v ?? "?")));
    }

    [Fact]
    public void WithoutFtpClient_ThereAreNoSymbols()
        => Assert.Null(FtpSymbols.TryCreate(CSharpCompilation.Create("empty")));
}
