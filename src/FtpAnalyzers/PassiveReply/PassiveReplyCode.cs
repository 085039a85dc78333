using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// The hand-written 227 parsing in one member body: where numbers are taken from a reply
/// (<see cref="ReplySource"/>), the ports computed from them and the advertised host built from
/// them. Intra-member only: locals are followed to their single definition, nothing else.
/// Every walk is bounded by the size of the body (and a fixed depth for chains of locals).
/// Its rooms: this file (the member, the evidence, the questions the rules ask), the port
/// arithmetic, the number parsing, the reply text, and the advertised host. A question never
/// changes what is known of a parse: found parses are memoized, never amended.
/// </summary>
internal sealed partial class PassiveReplyCode
{
    private const int MaxDepth = 12;

    private static readonly ImmutableHashSet<string> StringManipulations = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Substring", "Remove", "Trim", "TrimStart", "TrimEnd", "Replace", "ToLower", "ToUpper",
        "ToLowerInvariant", "ToUpperInvariant", "Normalize");

    private readonly ISymbol _owner;

    private readonly IReadOnlyList<IOperation> _operations;

    private readonly LocalDefinitions _locals;

    private readonly HelperCalls? _helpers;

    private readonly Dictionary<object, ReplySource> _sources = new();

    private Dictionary<ILocalSymbol, ILoopOperation>? _loopCollected;

    private bool? _hasEvidence;

    private PassiveReplyCode(ISymbol owner, IReadOnlyList<IOperation> operations, HelperCalls? helpers)
    {
        _owner = owner;
        _helpers = helpers;
        _operations = operations;
        _locals = new LocalDefinitions(operations);
    }

    public LocalDefinitions Locals => _locals;

    public IReadOnlyList<IOperation> Operations => _operations;

    /// <summary>
    /// Null when the member is PassiveEndpoint itself, the parser everyone should call. With
    /// <paramref name="helpers"/>, what helpers of the compilation hand back is followed too.
    /// </summary>
    public static PassiveReplyCode? Create(ISymbol owner, IEnumerable<IOperation> blocks, HelperCalls? helpers = null)
    {
        for (var type = owner.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsPassiveEndpoint(type))
                return null;
        }

        var operations = new List<IOperation>();
        foreach (var block in blocks)
            operations.AddRange(block.DescendantsAndSelf());
        return new PassiveReplyCode(owner, operations, helpers);
    }

    /// <summary>The ports computed from a 227 reply, one per parse (the first computation of each).</summary>
    public List<PortComputation> FindPortComputations()
    {
        var found = new List<PortComputation>();
        var reported = new HashSet<object>();
        foreach (var operation in _operations)
        {
            var computation = operation switch
            {
                IBinaryOperation binary => TryGetPortComputation(binary),
                ICompoundAssignmentOperation compound => TryGetSplitPortComputation(compound),
                _ => null,
            };
            if (computation is not null && !reported.Contains(computation.Source.Key) && IsPassiveReplyPort(computation))
            {
                reported.Add(computation.Source.Key);
                found.Add(computation);
            }
        }
        return found;
    }

    /// <summary>
    /// Whether the computation is over a 227 reply: its shape says so, or the member does. Without
    /// evidence, a Split must take the last two of six numbers (parts[4], parts[5]) when the
    /// indexes are constants, so that "(x,y)" pairs stay silent.
    /// </summary>
    public bool IsPassiveReplyPort(PortComputation computation)
    {
        var source = computation.Source;
        if (HasEvidence)
            return true;
        if (!computation.IsClassic)
            return false;
        // The groups of a six-number pattern, split again, count from 0: (?<port>\d+,\d+).
        if (source.Shape == ParseShape.Regex || source.SixNumberPattern || computation.High.Index is not { } high || computation.Low.Index is not { } low)
            return true;
        // parts[4], parts[5]; parts[parts.Length - 2], parts[parts.Length - 1] (or ^2, ^1).
        return high >= 4 && low == high + 1 || high == -2 && low == -1;
    }

    public bool IsPassiveReplySource(ReplySource source) => source.IsClassic || HasEvidence;

    private bool HasEvidence => _hasEvidence ??= PassiveReplyEvidence.Find(_owner, _operations);

    private static IOperation ArgumentInSourceOrder(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
                return argument.Value;
        }
        return invocation.Arguments[ordinal].Value;
    }

    /// <summary>A constant index; one counted from the end (parts.Length - 2, ^2) is negative (-2).</summary>
    private static int? ConstantIndex(IOperation? index)
    {
        if (index is null)
            return null;
        if (index.ConstantValue is { HasValue: true, Value: int value })
            return value;
        var stripped = LocalDefinitions.Strip(index);
        if (stripped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, LeftOperand: var length, RightOperand.ConstantValue: { HasValue: true, Value: int fromEnd } }
            && LocalDefinitions.Strip(length) is IPropertyReferenceOperation { Property.Name: "Length" or "Count" } && fromEnd > 0)
            return -fromEnd;
        if (stripped is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat, Operand.ConstantValue: { HasValue: true, Value: int hat } } && hat > 0)
            return -hat;
        return null;
    }

    /// <summary>What was stored at a constant index of a local array (bytes[4] = byte.Parse(parts[4]); string[] p = { a, b }), followed a few steps.</summary>
    private IOperation StoredElement(IOperation value)
    {
        for (var depth = 0; depth < 4 && value is IArrayElementReferenceOperation { Indices.Length: 1 } element
            && ConstantIndex(element.Indices[0]) is { } index && _locals.ElementValue(element.ArrayReference, index) is { } stored; depth++)
            value = _locals.Resolve(stored);
        return value;
    }

    private static bool IsRegexType(ITypeSymbol? type, string name) => RegexCall.IsRegexType(type, name);
}
