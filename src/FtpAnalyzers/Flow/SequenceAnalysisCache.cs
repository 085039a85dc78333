using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace FtpAnalyzers.Flow;

/// <summary>
/// Shares one flow analysis of a member between the five sequence rules. The analysis driver
/// hands every analyzer the same <see cref="ControlFlowGraph"/> instance for a member, so keying
/// on it lets the first rule compute and the others reuse. When the instances differ (another
/// host), each rule computes its own: the result is the same either way.
/// </summary>
internal static class SequenceAnalysisCache
{
    private static readonly ConditionalWeakTable<ControlFlowGraph, Result> Results = new();

    public static ImmutableArray<CommandObservation> Get(ControlFlowGraph graph, FtpSymbols symbols, CancellationToken cancellationToken)
    {
        if (Results.TryGetValue(graph, out var known))
            return known.Observations;

        // Computed outside GetValue so that a cancellation is not cached; two rules racing compute the same result.
        var computed = new Result(ConnectionFlowAnalysis.Analyze(graph, symbols, cancellationToken));
        return Results.GetValue(graph, _ => computed).Observations;
    }

    private sealed class Result
    {
        public Result(ImmutableArray<CommandObservation> observations) => Observations = observations;

        public ImmutableArray<CommandObservation> Observations { get; }
    }
}
