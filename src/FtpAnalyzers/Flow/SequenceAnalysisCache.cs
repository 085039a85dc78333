using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Flow;

/// <summary>
/// Shares one control-flow graph and one flow analysis of a member between the five sequence
/// rules. The analysis driver hands every analyzer the same semantic model, which hands out the
/// same operation tree for a member, so keying on its root lets the first rule compute and the
/// others reuse. When the instances differ (another host), each rule computes its own: the result
/// is the same either way.
/// </summary>
internal static class SequenceAnalysisCache
{
    private static readonly ConditionalWeakTable<IOperation, Result> Results = new();

    /// <summary>The observations of <paramref name="root"/>, a member's root operation that has a control-flow graph.</summary>
    public static ImmutableArray<CommandObservation> Get(IOperation root, FtpSymbols symbols, CancellationToken cancellationToken)
    {
        if (Results.TryGetValue(root, out var known))
            return known.Observations;

        // Computed outside GetValue so that a cancellation is not cached; two rules racing compute the same result.
        // A name like a command's does not make a command (x.List(...) on something else): no graph then.
        var graph = SendsCommandOrConnects(root, symbols) ? CreateGraph(root, cancellationToken) : null;
        var computed = new Result(graph is null ? ImmutableArray<CommandObservation>.Empty : ConnectionFlowAnalysis.Analyze(graph, symbols, cancellationToken));
        return Results.GetValue(root, _ => computed).Observations;
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
