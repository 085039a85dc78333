using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Benchmarks.Harness;

/// <summary>
/// The second baseline: an analyzer that asks Roslyn for the control-flow graphs of every member
/// that calls a method of Ftp.FtpConnection (the member's, and those of its lambdas and local
/// functions, which the rules analyze too), and does nothing with them. The sequence rules must
/// work on these graphs (the issue asks for Roslyn's CFG, not syntax order), so this is the floor
/// of their cost: what is above it is the FTP flow analysis itself. Members the rules skip
/// (<see cref="Rules.SequenceRuleAnalyzer.AnalyzedRoot"/>) are skipped here too.
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
            var connection = start.Compilation.GetTypeByMetadataName("Ftp.FtpConnection");
            if (connection is null)
                return;

            start.RegisterOperationBlockStartAction(blockStart =>
            {
                var callsConnection = 0;
                blockStart.RegisterOperationAction(
                    operation =>
                    {
                        var method = ((IInvocationOperation)operation.Operation).TargetMethod;
                        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, connection))
                            Volatile.Write(ref callsConnection, 1);
                    },
                    OperationKind.Invocation);
                blockStart.RegisterOperationBlockEndAction(blockEnd =>
                {
                    if (Volatile.Read(ref callsConnection) == 0)
                        return;
                    // The same graphs the sequence rules ask for: one per member body.
                    var roots = new HashSet<IOperation>();
                    foreach (var block in blockEnd.OperationBlocks)
                    {
                        if (Rules.SequenceRuleAnalyzer.AnalyzedRoot(block) is { } root && roots.Add(root))
                            BuildWithNestedGraphs(blockEnd.GetControlFlowGraph(block), blockEnd.CancellationToken);
                    }
                });
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
