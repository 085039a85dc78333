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
/// with the same flow analysis and cached per method and entry (<see cref="HelperEntry"/>: which
/// parameter and which fields of <c>this</c> hold the caller's connections, and in what state). Bounded: chains
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

    private readonly ConcurrentDictionary<(IMethodSymbol Method, HelperEntry Entry, int Depth), HelperSummary?> _cache = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _holdsConnections = new(SymbolEqualityComparer.Default);
    private readonly FtpSymbols _symbols;

    public HelperSummaries(FtpSymbols symbols) => _symbols = symbols;

    /// <summary>
    /// The helper <paramref name="invocation"/> calls and the index of the argument holding the
    /// connection it receives, when that helper can be summarized (<see cref="FollowedMethod"/>),
    /// receiving exactly one connection, by value. Null otherwise.
    /// </summary>
    public (IMethodSymbol Method, int Argument)? HelperCallOf(IInvocationOperation invocation)
    {
        if (FollowedMethod(invocation) is not { MethodKind: MethodKind.Ordinary } method)
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

    /// <summary>
    /// The helper <paramref name="invocation"/> calls when it acts only on connections held in the
    /// fields and auto-properties of <c>this</c>: an instance method called on <c>this</c> (implicit
    /// or explicit) or a local function that can be summarized (<see cref="FollowedMethod"/>) and has no
    /// parameter of connection type. Null otherwise (a helper receiving a connection is
    /// <see cref="HelperCallOf"/>'s).
    /// </summary>
    public IMethodSymbol? ThisHelperOf(IInvocationOperation invocation)
    {
        if (FollowedMethod(invocation) is not { } method)
            return null;
        if (method.MethodKind == MethodKind.Ordinary
            && (method.IsStatic || invocation.Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
            return null;
        // Only where this object may hold a connection: elsewhere the call is what it always was.
        if (method.ContainingType is not { } type || !HoldsConnections(type))
            return null;
        foreach (var parameter in method.Parameters)
        {
            if (_symbols.IsConnection(parameter.Type))
                return null;
        }

        return method;
    }

    /// <summary>
    /// The method <paramref name="invocation"/> calls when its code can be followed: an ordinary
    /// method or a local function of this compilation, not overridable (static, extension, or
    /// instance of a sealed type or not virtual), with one declaration; a method returning a task
    /// only when awaited right away; not async void. Null otherwise.
    /// </summary>
    private static IMethodSymbol? FollowedMethod(IInvocationOperation invocation)
    {
        // A partial method's calls bind to its declaration; the code is in its implementation.
        var method = invocation.TargetMethod.PartialImplementationPart ?? invocation.TargetMethod;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.IsAbstract || method.IsExtern
            || (method.IsVirtual || method.IsOverride) && !method.IsSealed && !method.ContainingType.IsSealed
            || method.IsAsync && method.ReturnsVoid
            || method.DeclaringSyntaxReferences.Length != 1)
            return null;
        if (IsTask(method.ReturnType) && !IsAwaitedAtOnce(invocation))
            return null;
        return method;
    }

    /// <summary>True when <see cref="HelperCallOf"/> or <see cref="ThisHelperOf"/> would follow the call.</summary>
    public bool IsFollowed(IInvocationOperation invocation) => HelperCallOf(invocation) is not null || ThisHelperOf(invocation) is not null;

    /// <summary>
    /// The summary of <paramref name="method"/> entered as <paramref name="entry"/> says, or null.
    /// A local function's graph comes from <paramref name="callerGraph"/>, the graph it is called in.
    /// </summary>
    /// <summary>
    /// For the benchmark only: every helper call is left without a summary (an escape, as before
    /// summaries existed), so that the difference with a normal run is what summaries cost.
    /// </summary>
    internal static bool WithoutSummaries { get; set; }

    public HelperSummary? Get(IMethodSymbol method, HelperEntry entry, int depth, Compilation compilation, ControlFlowGraph? callerGraph, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth || WithoutSummaries)
            return null;
        var key = (method.OriginalDefinition, entry, depth);
        if (_cache.TryGetValue(key, out var known))
            return known;

        var inProgress = t_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(key.Item1))
            return null;
        try
        {
            // Not cached when cancelled: the exception leaves before the cache is written.
            return _cache.GetOrAdd(key, Compute(key.Item1, entry, depth, compilation, callerGraph, cancellationToken));
        }
        finally
        {
            inProgress.Remove(key.Item1);
        }
    }

    private HelperSummary? Compute(IMethodSymbol method, HelperEntry entry, int depth, Compilation compilation, ControlFlowGraph? callerGraph, CancellationToken cancellationToken)
    {
        var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (declaration.ContainsDiagnostics || declaration.Span.Length > Rules.SequenceRuleAnalyzer.MaxMemberLength
            || !compilation.ContainsSyntaxTree(declaration.SyntaxTree)
            || IsIterator(declaration))
            return null;

        ControlFlowGraph graph;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            // A local function's graph belongs to the graph that declares it, in scope where it is called.
            if (callerGraph is null || declaration is not LocalFunctionStatementSyntax { Body: not null } and not LocalFunctionStatementSyntax { ExpressionBody: not null })
                return null;
            try
            {
                graph = callerGraph.GetLocalFunctionControlFlowGraphInScope(method, cancellationToken);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }
        else
        {
            if (declaration is not BaseMethodDeclarationSyntax { Body: not null } and not BaseMethodDeclarationSyntax { ExpressionBody: not null })
                return null;

            // The helper's own graph, from its own tree's model: the analysis driver hands out models
            // for the file being analyzed only, and a helper may live in another one.
#pragma warning disable RS1030 // GetSemanticModel in an analyzer: needed to follow a call into another file; bounded by MaxDepth and cached.
            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(declaration, cancellationToken) is not IMethodBodyOperation body)
                return null;
            graph = ControlFlowGraph.Create(body, cancellationToken);
        }

        return ConnectionFlowAnalysis.Summarize(graph, _symbols, method.Name, entry, depth, compilation, cancellationToken);
    }

    /// <summary>
    /// True when <paramref name="type"/> or a base type declares an instance field or
    /// auto-property of connection type (one the analysis tracks, <see cref="FtpSymbols.ConnectionVariable"/>).
    /// </summary>
    public bool HoldsConnections(INamedTypeSymbol type)
        => _holdsConnections.GetOrAdd(type.OriginalDefinition, t =>
        {
            for (var current = t; current is not null; current = current.BaseType)
            {
                if (current.DeclaringSyntaxReferences.IsEmpty)
                    continue;
                foreach (var member in current.GetMembers())
                {
                    if (!member.IsStatic
                        && (member is IFieldSymbol field && _symbols.IsConnection(field.Type)
                            || member is IPropertySymbol property && _symbols.IsConnection(property.Type) && _symbols.IsAutoProperty(property)))
                        return true;
                }
            }

            return false;
        });

    /// <summary>An iterator: calling it runs none of its code; enumerating it, later, does.</summary>
    private static bool IsIterator(SyntaxNode declaration)
        => declaration.DescendantNodes(node => node == declaration || node is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
            .OfType<YieldStatementSyntax>().Any();

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
