using System.Collections.Generic;
using System.Threading;
using FtpAnalyzers.Flow;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Rules;

/// <summary>
/// Base of the sequence rules (FTP0001-FTP0005). A rule only states when a verb is wrong given
/// what is certainly true of its connection just before it. This class runs the shared flow
/// analysis for members that send an FTP command, and reports each command call at most once:
/// when the rule holds on every path reaching it, or else on every path coming around a loop.
/// </summary>
public abstract class SequenceRuleAnalyzer : FtpDiagnosticAnalyzer
{
    /// <summary>
    /// Members longer than this (in characters of source, about 10,000 statements) are skipped
    /// before their control-flow graph is built: Roslyn's own construction of the graph grows
    /// faster than the member beyond a few thousand statements (measured: over 200 times the time
    /// for 20 times the statements), so a bound checked on the graph would come too late.
    /// </summary>
    internal const int MaxMemberLength = 300_000;

    /// <summary>The suffix of the message when the mistake happens only once a loop came around.</summary>
    internal const string FromSecondIteration = " from the second iteration of the loop on";

    private readonly DiagnosticDescriptor _descriptor;

    private protected SequenceRuleAnalyzer(DiagnosticDescriptor descriptor)
        : base(descriptor)
        => _descriptor = descriptor;

    /// <summary>True when sending <paramref name="verb"/> on a connection in state <paramref name="before"/> is the mistake this rule reports.</summary>
    private protected abstract bool IsViolatedBy(string verb, ConnectionFacts before);

    protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = FtpSymbols.TryCreate(context.Compilation);
        if (symbols is null)
            return;

        context.RegisterOperationBlockStartAction(blockStart =>
        {
            var sendsCommand = new Flag();
            blockStart.RegisterOperationAction(
                operation =>
                {
                    if (!sendsCommand.IsSet && symbols.GetCommand((IInvocationOperation)operation.Operation) is not null)
                        sendsCommand.Set();
                },
                OperationKind.Invocation);
            blockStart.RegisterOperationBlockEndAction(blockEnd =>
            {
                if (sendsCommand.IsSet)
                    AnalyzeBlocks(blockEnd, symbols);
            });
        });
    }

    private void AnalyzeBlocks(OperationBlockAnalysisContext context, FtpSymbols symbols)
    {
        var analyzedRoots = new HashSet<IOperation>();
        foreach (var block in context.OperationBlocks)
        {
            if (AnalyzedRoot(block) is not { } root || !analyzedRoots.Add(root))
                continue;
            var graph = context.GetControlFlowGraph(block);
            foreach (var observation in SequenceAnalysisCache.Get(graph, symbols, context.CancellationToken))
            {
                if (Check(observation) is { } diagnostic)
                    context.ReportDiagnostic(diagnostic);
            }
        }
    }

    /// <summary>
    /// The operation whose control-flow graph the rules analyze for <paramref name="block"/>, or null
    /// when they leave it alone: no graph, code that does not parse yet (it is being typed: say
    /// nothing until it does), or a member past <see cref="MaxMemberLength"/>.
    /// </summary>
    internal static IOperation? AnalyzedRoot(IOperation block)
    {
        // A method's block comes with its body as parent: the graph is the whole body's.
        var root = block;
        while (root.Parent is not null)
            root = root.Parent;
        return HasControlFlowGraph(root) && !root.Syntax.ContainsDiagnostics && root.Syntax.Span.Length <= MaxMemberLength ? root : null;
    }

    private static bool HasControlFlowGraph(IOperation root)
        => root.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
            or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;

    private Diagnostic? Check(CommandObservation observation)
    {
        var verbs = observation.Verbs;
        for (var i = 0; i < verbs.Length; i++)
        {
            if (verbs[i] is { } verb && IsViolatedBy(verb, observation.Before[i]))
                return Create(observation, verb, suffix: "");
        }

        foreach (var iteration in observation.BeforeOnLaterIterations)
        {
            for (var i = 0; i < verbs.Length; i++)
            {
                if (verbs[i] is { } verb && IsViolatedBy(verb, iteration[i]))
                    return Create(observation, verb, FromSecondIteration);
            }
        }

        return null;
    }

    private Diagnostic Create(CommandObservation observation, string verb, string suffix)
        => Diagnostic.Create(_descriptor, observation.Call.Invocation.Syntax.GetLocation(), suffix, verb);

    private sealed class Flag
    {
        private int _set;

        public bool IsSet => Volatile.Read(ref _set) != 0;

        public void Set() => Volatile.Write(ref _set, 1);
    }
}
