using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.Protocol;
using FtpAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FtpAnalyzers.Tests.Protocol;

/// <summary>
/// The gate of the sequence rules: a compilation none of whose files calls a command, as code
/// (not in a comment, a string or a disabled region), gets no action from them at all.
/// </summary>
public class CommandCallNamesTests
{
    private const string Unrelated = """
        class Library
        {
            public int Size(int[] values) => values.Length;
            public int Total(int[] values) => Size(values);
        }
        """;

    [Theory]
    [InlineData("void M(Ftp.FtpConnection c) { c.Noop(); }")]
    [InlineData("void M(Ftp.FtpConnection c) => c\n    .Pwd();")]
    [InlineData("string M(Ftp.FtpConnection c) => $\"{c.Pwd().Message}\";")]   // code inside an interpolation
    [InlineData("void M() { using var c = Ftp.FtpConnection.Connect(\"h\"); }")]
    [InlineData("int M(Library l) => l.Size(new int[0]);")]   // a command's name on another type: the text cannot tell, the rules can
    public async Task A_file_that_calls_a_command_opens_the_gate(string member)
        => Assert.True(await MayBeCalledInAnyTreeAsync(Unrelated, $"class User\n{{\n{member}\n}}"));

    [Theory]
    [InlineData("// reader.Type (token) is checked first\nvoid M() { }")]
    [InlineData("/* c.Pwd(); */ void M() { }")]
    [InlineData("/// <summary>Calls <c>c.Noop()</c>.</summary>\nvoid M() { }")]
    [InlineData("string M() => \"c.User(name)\";")]
    [InlineData("string M() => @\"c.User(name)\";")]
    [InlineData("#if NEVER\nvoid M(Ftp.FtpConnection c) { c.Noop(); }\n#endif")]
    public async Task A_file_that_only_mentions_a_command_keeps_it_closed(string member)
        => Assert.False(await MayBeCalledInAnyTreeAsync(Unrelated, $"class User\n{{\n{member}\n}}"));

    [Fact]
    public async Task A_compilation_without_any_call_keeps_it_closed()
        => Assert.False(await MayBeCalledInAnyTreeAsync(Unrelated, "class Other { int M() => 1; }"));

    private static async Task<bool> MayBeCalledInAnyTreeAsync(params string[] sources)
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.FtpClient);
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source)).ToArray();
        var compilation = CSharpCompilation.Create("gate", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return FtpSymbols.TryCreate(compilation)!.CallNames.MayBeCalledInAnyTree(compilation, CancellationToken.None);
    }
}
