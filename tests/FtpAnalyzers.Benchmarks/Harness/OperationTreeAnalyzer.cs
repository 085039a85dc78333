using System;
using System.Collections.Immutable;
using FtpAnalyzers.Protocol;
using FtpAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Benchmarks.Harness;

/// <summary>
/// The lowest baseline of an operation-based rule: binds the members the sequence rules analyze
/// (<see cref="SequenceRuleAnalyzer.AnalyzedRoot"/>: text screen, then <c>GetOperation</c>) and
/// visits every operation once, which any rule reading them does (Roslyn creates most operations
/// when first visited). Between it and <see cref="ControlFlowGraphAnalyzer"/> lies what building
/// the control-flow graphs costs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OperationTreeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_never = new(
        "BENCH0002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (FtpSymbols.TryCreate(start.Compilation) is not { } symbols)
                return;

            start.RegisterCodeBlockAction(codeBlock =>
            {
                if (SequenceRuleAnalyzer.AnalyzedRoot(codeBlock.CodeBlock, codeBlock.OwningSymbol, codeBlock.SemanticModel, symbols, codeBlock.CancellationToken) is not { } root)
                    return;
                var count = 0;
                foreach (var operation in root.Descendants())
                    count += operation.ChildOperations.Count;
                GC.KeepAlive(count);
            });
        });
    }
}
