using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Flow;

/// <summary>
/// Summaries of the helpers of one compilation (<see cref="HelperSummary"/>), computed on demand
/// with the same flow analysis and cached per method, parameter and entry state. Bounded: chains
/// of at most <see cref="MaxDepth"/> helpers (NetAnalyzers' interprocedural default), recursion
/// and cycles give no summary, nor do helpers longer than the sequence rules' member bound.
/// A call without a summary is what every call into source code was before: an escape.
/// </summary>
internal sealed class HelperSummaries
{
    public const int MaxDepth = 3;

    // Helpers being summarized on this thread: a call back into one of them is a cycle.
    [ThreadStatic]
    private static HashSet<IMethodSymbol>? t_inProgress;

    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Parameter, ConnectionFacts Entry, int Depth), HelperSummary?> _cache = new();
    private readonly FtpSymbols _symbols;

    public HelperSummaries(FtpSymbols symbols) => _symbols = symbols;

    /// <summary>
    /// The helper <paramref name="invocation"/> calls and the index of the argument holding the
    /// connection it receives, when that helper can be summarized: an ordinary non-virtual method
    /// of this compilation (static, extension, or instance of a sealed type or not overridable),
    /// receiving exactly one connection, by value; a method returning a task only when awaited
    /// right away. Null otherwise.
    /// </summary>
    public (IMethodSymbol Method, int Argument)? HelperCallOf(IInvocationOperation invocation)
    {
        // A partial method's calls bind to its declaration; the code is in its implementation.
        var method = invocation.TargetMethod.PartialImplementationPart ?? invocation.TargetMethod;
        if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsExtern
            || (method.IsVirtual || method.IsOverride) && !method.IsSealed && !method.ContainingType.IsSealed
            || method.IsAsync && method.ReturnsVoid
            || method.DeclaringSyntaxReferences.Length != 1)
            return null;
        if (IsTask(method.ReturnType) && !IsAwaitedAtOnce(invocation))
            return null;

        int? connectionArgument = null;
        for (var index = 0; index < invocation.Arguments.Length; index++)
        {
            var argument = invocation.Arguments[index];
            if (argument.Parameter is not { } parameter || !_symbols.IsConnection(parameter.Type))
                continue;
            if (connectionArgument is not null || parameter.RefKind != RefKind.None || argument.ArgumentKind != ArgumentKind.Explicit)
                return null;
            connectionArgument = index;
        }

        return connectionArgument is { } found ? (method, found) : null;
    }

    /// <summary>The summary of <paramref name="method"/> entered with its connection parameter in state <paramref name="entry"/>, or null.</summary>
    public HelperSummary? Get(IMethodSymbol method, int parameterOrdinal, ConnectionFacts entry, int depth, Compilation compilation, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth || entry.IsEscaped)
            return null;
        var key = (method.OriginalDefinition, parameterOrdinal, entry, depth);
        if (_cache.TryGetValue(key, out var known))
            return known;

        var inProgress = t_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(key.Item1))
            return null;
        try
        {
            // Not cached when cancelled: the exception leaves before the cache is written.
            return _cache.GetOrAdd(key, Compute(key.Item1, parameterOrdinal, entry, depth, compilation, cancellationToken));
        }
        finally
        {
            inProgress.Remove(key.Item1);
        }
    }

    private HelperSummary? Compute(IMethodSymbol method, int parameterOrdinal, ConnectionFacts entry, int depth, Compilation compilation, CancellationToken cancellationToken)
    {
        var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (declaration is not BaseMethodDeclarationSyntax { Body: not null } and not BaseMethodDeclarationSyntax { ExpressionBody: not null }
            || declaration.ContainsDiagnostics || declaration.Span.Length > Rules.SequenceRuleAnalyzer.MaxMemberLength
            || !compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            return null;

        // The helper's own graph, from its own tree's model: the analysis driver hands out models
        // for the file being analyzed only, and a helper may live in another one.
#pragma warning disable RS1030 // GetSemanticModel in an analyzer: needed to follow a call into another file; bounded by MaxDepth and cached.
        var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
        if (model.GetOperation(declaration, cancellationToken) is not IMethodBodyOperation body)
            return null;
        var graph = ControlFlowGraph.Create(body, cancellationToken);
        var parameter = method.Parameters[parameterOrdinal];
        return ConnectionFlowAnalysis.Summarize(graph, _symbols, method.Name, parameter, entry, depth, compilation, cancellationToken);
    }

    private static bool IsTask(ITypeSymbol type)
        => type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } };

    private static bool IsAwaitedAtOnce(IInvocationOperation invocation)
    {
        var parent = invocation.Parent;
        while (parent is IConversionOperation or IInvocationOperation { TargetMethod.Name: "ConfigureAwait" })
            parent = parent.Parent;
        return parent is IAwaitOperation;
    }
}
