using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
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

    private readonly ConcurrentDictionary<IFieldSymbol, bool> _advertisedFields = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Whether a field of the caller's file is given a value in exactly one place of its type's
    /// declaration in that file, and that value is the advertised host of a 227 parse in the member
    /// that assigns it (<c>_dataHost = p[0] + "." + …</c> in one method, <c>new TcpClient(_dataHost, …)</c>
    /// in another). Found on syntax first (assignments, increments, ref and out uses of its name),
    /// then the one assigning member is bound; computed once per field, on demand.
    /// </summary>
    public bool HoldsAdvertisedHost(IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
    {
        field = field.OriginalDefinition;
        if (field.DeclaringSyntaxReferences.Length != 1 || field.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree || field.IsConst)
            return false;
        if (!_advertisedFields.TryGetValue(field, out var holds))
            holds = _advertisedFields.GetOrAdd(field, ComputeAdvertisedField(field, model, cancellationToken));
        return holds;
    }

    private static bool ComputeAdvertisedField(IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
    {
        if (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var initial }
            && initial is not LiteralExpressionSyntax && initial is not DefaultExpressionSyntax
            && !(initial is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" }))
            return false;
        AssignmentExpressionSyntax? single = null;
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
                continue;
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is not IdentifierNameSyntax { Identifier.ValueText: var name } identifier || name != field.Name)
                    continue;
                SyntaxNode target = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                switch (target.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == target:
                        if (single is not null || !assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression))
                            return false;
                        single = assignment;
                        break;
                    case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                        return false;
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                        return false;
                }
            }
        }
        if (single is null || single.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is not { } member
            || model.GetDeclaredSymbol(member, cancellationToken) is not IMethodSymbol method
            || model.GetOperation(member, cancellationToken) is not { } body
            || PassiveReplyCode.Create(method, new[] { body }) is not { } code)
            return false;
        foreach (var operation in code.Operations)
        {
            if (operation is ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment && assignment.Syntax == single
                && SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field))
                return code.AdvertisedHost(assignment.Value) is not null;
        }
        return false;
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
