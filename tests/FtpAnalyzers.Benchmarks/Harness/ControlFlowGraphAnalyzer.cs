using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FtpAnalyzers.Flow;
using FtpAnalyzers.Protocol;
using FtpAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Benchmarks.Harness;

/// <summary>
/// The second baseline: an analyzer that asks Roslyn for the control-flow graphs of every member
/// the sequence rules analyze (<see cref="SequenceRuleAnalyzer.AnalyzedRoot"/>: the member's, and
/// those of its lambdas and local functions, which the rules analyze too), and does nothing with
/// them. The sequence rules work on these graphs, so this is the floor of their cost: what is
/// above it is the FTP flow analysis itself.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ControlFlowGraphAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_never = new(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (FtpSymbols.TryCreate(start.Compilation) is not { } symbols)
                return;

            // The same members the sequence rules analyze, found the same way, and the same graphs.
            start.RegisterCodeBlockAction(codeBlock =>
            {
                if (SequenceRuleAnalyzer.AnalyzedRoot(codeBlock.CodeBlock, codeBlock.OwningSymbol, codeBlock.SemanticModel, symbols, codeBlock.CancellationToken) is { } root
                    && SequenceAnalysisCache.CreateGraph(root, codeBlock.CancellationToken) is { } graph)
                    BuildWithNestedGraphs(graph, codeBlock.CancellationToken);
            });
        });
    }

    private static void BuildWithNestedGraphs(ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations.Append(block.BranchValue))
            {
                if (operation is null)
                    continue;
                foreach (var anonymous in operation.DescendantsAndSelf().OfType<IFlowAnonymousFunctionOperation>())
                    BuildWithNestedGraphs(graph.GetAnonymousFunctionControlFlowGraph(anonymous, cancellationToken), cancellationToken);
            }
        }

        foreach (var localFunction in graph.LocalFunctions)
            BuildWithNestedGraphs(graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), cancellationToken);
    }
}
