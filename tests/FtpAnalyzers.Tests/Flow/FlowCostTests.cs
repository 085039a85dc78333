using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.Flow;
using FtpAnalyzers.Protocol;
using FtpAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit.Abstractions;

namespace FtpAnalyzers.Tests.Flow;

/// <summary>
/// The flow analysis does work linear in the member's size, and gives up silently past its bounds.
/// Times are printed (run with --logger "console;verbosity=detailed"); the assertions are on the
/// work counted, which does not depend on the machine.
/// </summary>
public class FlowCostTests
{
    private readonly ITestOutputHelper _output;

    public FlowCostTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Shapes => new()
    {
        "if (flag) c.Pasv(); else c?.Epsv();",
        "c.Retr(\"a\", s);",
        "foreach (var f in files) { c.Pasv(); c.Stor(f, s); }",
        "try { c.Noop(); } finally { s.Flush(); }",
        "for (var i = 0; i < 3; i++) { while (flag) { c.Pasv(); if (i == 2) break; c.List(s); } }",
        "switch (files.Count) { case 1: c.Pasv(); break; case 2: c.Epsv(); goto case 1; default: c.Retr(\"x\", s); break; }",
        "try { c.Pasv(); c.Retr(\"a\", s); } catch (IOException) { c.Noop(); }",
        "var d = c; d.Epsv(); Action a = () => d.Noop(); c.Retr(\"b\", s);",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task WorkGrowsLinearlyWithTheMember(string statement)
    {
        double? visitsPerBlockAtSmallest = null;
        foreach (var repetitions in new[] { 25, 100, 400, 1600 })
        {
            var (graph, symbols) = await GraphOfAsync(statement, repetitions);
            var cost = new FlowCost();
            var stopwatch = Stopwatch.StartNew();
            var observations = ConnectionFlowAnalysis.Analyze(graph, symbols, CancellationToken.None, cost);
            stopwatch.Stop();
            var visitsPerBlock = (double)cost.BlockVisits / cost.Blocks;
            _output.WriteLine($"{repetitions,5} statements: {cost.Blocks,6} blocks in {cost.Graphs} graph(s), {cost.BlockVisits,6} visits ({visitsPerBlock:F2} per block), {observations.Length} observations, {stopwatch.Elapsed.TotalMilliseconds:F1} ms");

            Assert.NotEmpty(observations); // analyzed, not given up
            visitsPerBlockAtSmallest ??= visitsPerBlock;
            Assert.InRange(visitsPerBlock, 0, visitsPerBlockAtSmallest.Value * 1.25 + 0.5);
            Assert.InRange(visitsPerBlock, 0, 2 * ConnectionFlowAnalysis.VisitsPerBlock);
        }
    }

    [Fact]
    public async Task TooLargeAMember_IsSkippedSilently()
    {
        var (graph, symbols) = await GraphOfAsync("if (flag) c.Pasv(); c.Retr(\"a\", s);", ConnectionFlowAnalysis.MaxBlocks / 2);
        Assert.True(graph.Blocks.Length > ConnectionFlowAnalysis.MaxBlocks);
        Assert.Empty(ConnectionFlowAnalysis.Analyze(graph, symbols, CancellationToken.None));
    }

    private static async Task<(ControlFlowGraph Graph, FtpSymbols Symbols)> GraphOfAsync(string statement, int repetitions)
    {
        var body = new StringBuilder("using var c = FtpConnection.Connect(host);\nc.Login(\"u\", \"p\");\n");
        for (var i = 0; i < repetitions; i++)
            body.Append('{').Append(statement).Append("}\n");
        var source = "using System; using System.IO; using System.Collections.Generic; using Ftp;\n"
            + "class C { void M(string host, Stream s, List<string> files, bool flag) {\n" + body + "} }";
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.FtpClient);
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("cost", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var operation = (IMethodBodyOperation)compilation.GetSemanticModel(tree).GetOperation(method)!;
        return (ControlFlowGraph.Create(operation), FtpSymbols.TryCreate(compilation)!);
    }
}
