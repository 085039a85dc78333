using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Flow;

/// <summary>
/// Shares one proof (CleanMemberProof), or one control-flow graph and one flow analysis, of a member between the sequence
/// rules. The analysis driver hands every analyzer the same semantic model, which hands out the
/// same operation tree for a member, so keying on its root lets the first rule compute and the
/// others reuse. When the instances differ (another host), each rule computes its own: the result
/// is the same either way.
/// </summary>
internal static class SequenceAnalysisCache
{
    private static readonly ConditionalWeakTable<IOperation, Result> Results = new();

    /// <summary>
    /// Set by the tests (never in a product run): every member <see cref="CleanMemberProof"/> proves
    /// clean is analyzed on its graph too, and a mistake found there throws.
    /// </summary>
    internal static bool CrossCheck { get; set; }

    /// <summary>
    /// The observations of <paramref name="root"/>, a member's root operation that has a control-flow
    /// graph; empty when <see cref="CleanMemberProof"/> shows that no verb in it is a mistake by
    /// <paramref name="isMistake"/> (the same test for every caller: any sequence rule's).
    /// </summary>
    public static ImmutableArray<CommandObservation> Get(IOperation root, FtpSymbols symbols, Func<string, ConnectionFacts, bool> isMistake, CancellationToken cancellationToken)
    {
        if (Results.TryGetValue(root, out var known))
            return known.Observations;

        // Computed outside GetValue so that a cancellation is not cached; two rules racing compute the same result.
        // A name like a command's does not make a command (x.List(...) on something else): no graph then.
        // Most members that send commands send them right, and the proof costs less than the graph.
        var observations = ImmutableArray<CommandObservation>.Empty;
        var clean = CleanMemberProof.Holds(root, symbols, isMistake, cancellationToken);
        if ((!clean || CrossCheck) && SendsCommandOrConnects(root, symbols) && CreateGraph(root, cancellationToken) is { } graph)
            observations = ConnectionFlowAnalysis.Analyze(graph, symbols, cancellationToken);
        if (clean && CrossCheck)
            CheckClean(root, observations, isMistake);
        if (clean)
            observations = ImmutableArray<CommandObservation>.Empty;

        var computed = new Result(observations);
        return Results.GetValue(root, _ => computed).Observations;
    }

    private static void CheckClean(IOperation root, ImmutableArray<CommandObservation> observations, Func<string, ConnectionFacts, bool> isMistake)
    {
        foreach (var observation in observations)
        {
            for (var i = 0; i < observation.Verbs.Length; i++)
            {
                if (observation.Verbs[i] is not { } verb)
                    continue;
                var mistaken = isMistake(verb, observation.Before[i]);
                foreach (var iteration in observation.BeforeOnLaterIterations)
                    mistaken |= isMistake(verb, iteration[i]);
                if (mistaken)
                    throw new InvalidOperationException($"CleanMemberProof called a member clean, its graph says {verb} at {observation.Call.Invocation.Syntax.GetLocation().GetLineSpan()} is a mistake:\n{root.Syntax}");
            }
        }
    }

    /// <summary>True when the member sends a command, or opens a connection (which helpers may then use).</summary>
    private static bool SendsCommandOrConnects(IOperation root, FtpSymbols symbols)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation && (symbols.IsConnect(invocation.TargetMethod) || symbols.GetCommand(invocation) is not null))
                return true;
        }

        return false;
    }

    /// <summary>True for the operations Roslyn builds a control-flow graph of: member bodies and initializers.</summary>
    public static bool HasControlFlowGraph(IOperation root)
        => root.Parent is null && root.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
            or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;

    /// <summary>Roslyn's control-flow graph of <paramref name="root"/>, or null when it has none.</summary>
    public static ControlFlowGraph? CreateGraph(IOperation root, CancellationToken cancellationToken) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
        IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        _ => null,
    };

    private sealed class Result
    {
        public Result(ImmutableArray<CommandObservation> observations) => Observations = observations;

        public ImmutableArray<CommandObservation> Observations { get; }
    }
}
