using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Benchmarks.Harness;

// TEMPORARY stand-in used only to develop the harness; not a product analyzer.
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StandInFlowAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = new("STANDIN", "x", "x", "x", DiagnosticSeverity.Warning, true);
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_rule);
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var type = start.Compilation.GetTypeByMetadataName("Ftp.FtpConnection");
            if (type is null) return;
            start.RegisterOperationBlockStartAction(block =>
            {
                var found = false;
                block.RegisterOperationAction(op => { if (SymbolEqualityComparer.Default.Equals(((IInvocationOperation)op.Operation).TargetMethod.ContainingType, type)) found = true; }, OperationKind.Invocation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    if (!found) return;
                    foreach (var body in end.OperationBlocks.Select(o => { while (o.Parent != null) o = o.Parent; return o; }).OfType<IMethodBodyOperation>().Distinct())
                    {
                        var cfg = ControlFlowGraph.Create((IMethodBodyOperation)body);
                        foreach (var b in cfg.Blocks)
                        {
                            string? previous = null;
                            foreach (var operation in b.Operations)
                            {
                                var invocation = operation.DescendantsAndSelf().OfType<IInvocationOperation>().FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.TargetMethod.ContainingType, type));
                                if (invocation is null) continue;
                                if (invocation.TargetMethod.Name == "Rnto" && previous != "Rnfr")
                                    end.ReportDiagnostic(Diagnostic.Create(s_rule, invocation.Syntax.GetLocation()));
                                previous = invocation.TargetMethod.Name;
                            }
                        }
                    }
                });
            });
        });
    }
}
