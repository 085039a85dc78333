using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>What a helper hands back through one slot (an out or ref parameter, its return value, or one element of a returned tuple).</summary>
internal enum HandedBack
{
    /// <summary>The advertised host: the first four numbers of a 227 parse, joined or made an IPAddress.</summary>
    Host,

    /// <summary>One number of a 227 parse (its index in the parse, when constant).</summary>
    Number,

    /// <summary>The numbers of a 227 parse, as an array or list to index (int[], string[] of a Split).</summary>
    Numbers,
}

/// <summary>One slot of a helper and what the caller receives through it.</summary>
internal readonly struct HelperValue
{
    public HelperValue(HandedBack kind, int? index, bool assumesParentheses, bool fixedOffset)
    {
        Kind = kind;
        Index = index;
        AssumesParentheses = assumesParentheses;
        FixedOffset = fixedOffset;
    }

    public HandedBack Kind { get; }

    public int? Index { get; }

    public bool AssumesParentheses { get; }

    public bool FixedOffset { get; }
}

/// <summary>
/// What the methods of one compilation hand back of a 227 parse: the six numbers returned as an
/// int[], a tuple, out parameters, or the advertised host returned through an out parameter or a
/// tuple, to be combined or connected to in the caller. A summary is computed when a caller asks
/// (never at compilation end: the IDE shows diagnostics while typing), once per method, cached
/// for the compilation; a helper's own calls are followed one more call deep (a helper that
/// returns the host another helper returned), never further: each method is summarized at most
/// once per depth, which keeps the cost of a question bounded by the size of two callees. Only helpers in the caller's file are read
/// (with the semantic model the caller already has): a helper in another file is not summarized.
/// A slot counts only when every value the helper gives it is of the same kind, so a host that
/// is replaced on some path (a policy that keeps the control address) is not claimed.
/// </summary>
internal sealed class HelperSummaries
{
    /// <summary>The slot of the returned value; out/ref parameters use their ordinal.</summary>
    public const int ReturnSlot = -1;

    /// <summary>How many helper calls deep a caller's question may go beyond the first helper.</summary>
    public const int MaxDepth = 1;

    private static readonly IReadOnlyDictionary<int, HelperValue> Nothing = new Dictionary<int, HelperValue>();

    /// <summary>The summaries per depth: [0] follows no helper of its own, [1] follows [0].</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyDictionary<int, HelperValue>>[] _summaries =
    {
        new(SymbolEqualityComparer.Default),
        new(SymbolEqualityComparer.Default),
    };

    private readonly ConcurrentDictionary<IMethodSymbol, HashSet<int>> _hostParameters = new(SymbolEqualityComparer.Default);

    private static readonly HashSet<int> NoParameters = new();

    private readonly ConcurrentDictionary<(ISymbol Member, SyntaxTree Tree), bool> _advertisedMembers = new(MemberInTree.Comparer);

    /// <summary>
    /// Whether a field or an auto-property is given a value in exactly one place of the caller's
    /// file, and that value is the advertised host of a 227 parse in the member that assigns it:
    /// <c>_dataHost = p[0] + "." + …</c> in one method, <c>new TcpClient(_dataHost, …)</c> in another; or a
    /// member of another object, <c>session.DataHost = $"{a}.{b}.{c}.{d}"</c> or
    /// <c>new Session { DataHost = host }</c>, connected to as <c>session.DataHost</c> elsewhere in the file.
    /// Found on syntax first (assignments, object initializers, increments, ref and out uses of its
    /// name, each bound to see it is this member), then the one assigning member is bound; the
    /// member's own declarations in other files must not assign it (read on syntax alone). Computed
    /// once per member and file, on demand.
    /// </summary>
    public bool HoldsAdvertisedHost(ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        if (!IsPlainStorage(member, cancellationToken))
            return false;
        var key = (member, model.SyntaxTree);
        if (!_advertisedMembers.TryGetValue(key, out var holds))
            holds = _advertisedMembers.GetOrAdd(key, ComputeAdvertisedMember(member, model, cancellationToken));
        return holds;
    }

    /// <summary>
    /// A field that is not const, or a property whose accessors have no body (what is stored is
    /// what is read), declared once in source, with no initializer but a literal, default or string.Empty.
    /// </summary>
    private static bool IsPlainStorage(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
            return false;
        var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        switch (member)
        {
            case IFieldSymbol { IsConst: false } when syntax is VariableDeclaratorSyntax declarator:
                return IsPlaceholder(declarator.Initializer?.Value);
            case IPropertySymbol { IsIndexer: false } when syntax is PropertyDeclarationSyntax { AccessorList: { } accessors, ExpressionBody: null } property:
                foreach (var accessor in accessors.Accessors)
                {
                    if (accessor.Body is not null || accessor.ExpressionBody is not null)
                        return false;
                }
                return IsPlaceholder(property.Initializer?.Value);
            default:
                return false;
        }
    }

    private static bool IsPlaceholder(ExpressionSyntax? initial)
        => initial is null or LiteralExpressionSyntax or DefaultExpressionSyntax
        || initial is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" };

    private bool ComputeAdvertisedMember(ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        AssignmentExpressionSyntax? single = null;
        foreach (var node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != member.Name || Write(identifier) is not { } write)
                continue;
            var bound = model.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition;
            if (bound is not null && !SymbolEqualityComparer.Default.Equals(bound, member))
                continue;
            // Unbound (it may be this member), or not a plain assignment: which value is read is not known.
            if (bound is null || write is not AssignmentExpressionSyntax assignment || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || single is not null)
                return false;
            single = assignment;
        }
        if (single is null
            || single.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is not { } declaration
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method
            || model.GetOperation(declaration, cancellationToken) is not { } body
            || PassiveReplyCode.Create(method, new[] { body }, new HelperCalls(this, model, cancellationToken, depth: 0)) is not { } code)
            return false;
        foreach (var operation in code.Operations)
        {
            // The other files of the member's type are read last, and only for an advertised host.
            if (operation is ISimpleAssignmentOperation assignment && assignment.Syntax == single)
                return code.AdvertisedHost(assignment.Value) is not null && !AssignedInOtherFiles(member, model.SyntaxTree, cancellationToken);
        }
        return false;
    }

    /// <summary>The declarations of the member's type in files other than the caller's write a name like it (syntax only: any such write counts).</summary>
    private static bool AssignedInOtherFiles(ISymbol member, SyntaxTree callerTree, CancellationToken cancellationToken)
    {
        foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == callerTree)
                continue;
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == member.Name && Write(identifier) is not null)
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The write <paramref name="identifier"/> is the target of, read on syntax: an assignment (an
    /// object initializer's too), a compound assignment, ++ or --, a ref or out argument, an element
    /// of a tuple assigned to. Null for a read.
    /// </summary>
    private static SyntaxNode? Write(IdentifierNameSyntax identifier)
    {
        SyntaxNode target = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
        switch (target.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == target:
                return assignment;
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                return prefix;
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                return postfix;
            case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument:
                return argument;
            case ArgumentSyntax { Parent: TupleExpressionSyntax tuple } argument when tuple.Parent is AssignmentExpressionSyntax deconstruction && deconstruction.Left == tuple:
                return argument;
            default:
                return null;
        }
    }

    /// <summary>A member and the caller's file, as a key.</summary>
    private sealed class MemberInTree : IEqualityComparer<(ISymbol Member, SyntaxTree Tree)>
    {
        public static readonly MemberInTree Comparer = new();

        public bool Equals((ISymbol Member, SyntaxTree Tree) x, (ISymbol Member, SyntaxTree Tree) y)
            => x.Tree == y.Tree && SymbolEqualityComparer.Default.Equals(x.Member, y.Member);

        public int GetHashCode((ISymbol Member, SyntaxTree Tree) key)
            => SymbolEqualityComparer.Default.GetHashCode(key.Member) ^ key.Tree.GetHashCode();
    }

    /// <summary>
    /// Whether <paramref name="method"/> (of the caller's file) connects to what its parameter
    /// <paramref name="ordinal"/> is given: the parameter is the host of a connect in its body,
    /// directly or through IPAddress.Parse, ToString, new HostName. Computed once per method, on
    /// demand; the method's own calls are not followed.
    /// </summary>
    public bool ConnectsTo(IMethodSymbol method, int ordinal, SemanticModel model, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
            return false;
        if (!_hostParameters.TryGetValue(method, out var parameters))
            parameters = _hostParameters.GetOrAdd(method, ComputeHostParameters(method, model, cancellationToken));
        return parameters.Contains(ordinal);
    }

    private static HashSet<int> ComputeHostParameters(IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not BaseMethodDeclarationSyntax declaration
            || model.GetOperation(declaration, cancellationToken) is not { } body)
            return NoParameters;
        var operations = new List<IOperation>(body.DescendantsAndSelf());
        var locals = new LocalDefinitions(operations);
        HashSet<int>? found = null;
        foreach (var operation in operations)
        {
            if (ConnectSinks.HostArguments(operation) is not { } hosts)
                continue;
            foreach (var host in hosts)
            {
                if (HostParameter(locals, host) is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
                    (found ??= new HashSet<int>()).Add(parameter.Ordinal);
            }
        }
        return found ?? NoParameters;
    }

    /// <summary>The parameter a host is, through locals, IPAddress.Parse(host), address.ToString(), new HostName(host).</summary>
    private static IParameterSymbol? HostParameter(LocalDefinitions locals, IOperation host)
    {
        var value = locals.Resolve(host);
        for (var depth = 0; depth < 4; depth++)
        {
            switch (value)
            {
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IInvocationOperation { TargetMethod: { Name: "Parse", ContainingType.Name: "IPAddress" }, Arguments.Length: >= 1 } parse:
                    value = locals.Resolve(parse.Arguments[0].Value);
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { Type.Name: "IPAddress" } instance }:
                    value = locals.Resolve(instance);
                    continue;
                case IObjectCreationOperation { Type.Name: "HostName", Arguments.Length: 1 } name:
                    value = locals.Resolve(name.Arguments[0].Value);
                    continue;
            }
            return null;
        }
        return null;
    }

    /// <summary>The slot of element <paramref name="element"/> of a returned tuple.</summary>
    public static int TupleSlot(int element) => -2 - element;

    /// <summary>
    /// What <paramref name="method"/> hands back through <paramref name="slot"/>, or null; with
    /// <paramref name="depth"/> 1, what it hands back of what the helpers it calls return (their
    /// summaries at depth 0, which follow nothing further).
    /// </summary>
    public HelperValue? Of(IMethodSymbol method, int slot, SemanticModel model, CancellationToken cancellationToken, int depth = 0)
    {
        method = method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
            return null;
        depth = depth < 0 ? 0 : depth > MaxDepth ? MaxDepth : depth;
        var summaries = _summaries[depth];
        if (!summaries.TryGetValue(method, out var summary))
            summary = summaries.GetOrAdd(method, Compute(method, model, cancellationToken, depth));
        return summary.TryGetValue(slot, out var value) ? value : null;
    }

    private IReadOnlyDictionary<int, HelperValue> Compute(IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken, int depth)
    {
        var callees = depth > 0 ? new HelperCalls(this, model, cancellationToken, depth - 1) : null;
        if (method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not BaseMethodDeclarationSyntax declaration
            || model.GetOperation(declaration, cancellationToken) is not { } body
            || PassiveReplyCode.Create(method, new[] { body }, callees) is not { } code)
            return Nothing;

        var found = new Dictionary<int, HelperValue>();
        var refused = new HashSet<int>();
        foreach (var operation in code.Operations)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IParameterReferenceOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } parameter } assignment
                    when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method):
                    Record(parameter.Parameter.Ordinal, assignment.Value);
                    break;
                // A return inside a lambda or local function (parts.Select(x => { return …; })) is not the helper's.
                case IReturnOperation { ReturnedValue: { } returned } when !InNestedFunction(operation):
                    if (LocalDefinitions.Strip(returned) is ITupleOperation tuple)
                    {
                        for (var i = 0; i < tuple.Elements.Length; i++)
                            Record(TupleSlot(i), tuple.Elements[i]);
                    }
                    else
                    {
                        Record(ReturnSlot, returned);
                    }
                    break;
            }
        }
        foreach (var slot in refused)
            found.Remove(slot);
        return found.Count == 0 ? Nothing : found;

        void Record(int slot, IOperation value)
        {
            if (refused.Contains(slot))
                return;
            if (Classify(code, value) is { } classified
                && (!found.TryGetValue(slot, out var earlier) || earlier.Kind == classified.Kind && earlier.Index == classified.Index))
                found[slot] = classified;
            else
                refused.Add(slot);
        }
    }

    private static bool InNestedFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return true;
        }
        return false;
    }

    private static HelperValue? Classify(PassiveReplyCode code, IOperation value)
    {
        if (code.AdvertisedHost(value) is { } host)
            return new HelperValue(HandedBack.Host, null, host.AssumesParentheses, host.FixedOffset);
        if (code.ClassifyNumber(value) is { } number && code.IsPassiveReplySource(number.Source))
            return new HelperValue(HandedBack.Number, number.Index, number.Source.AssumesParentheses, number.Source.FixedOffset);
        if ((code.NumbersSource(value) ?? code.ClassifyStringArray(value)) is { } numbers && code.IsPassiveReplySource(numbers))
            return new HelperValue(HandedBack.Numbers, null, numbers.AssumesParentheses, numbers.FixedOffset);
        return null;
    }
}
