using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// The summaries of a compilation's helpers and the semantic model of the caller's file, for one
/// member's questions; <see cref="Depth"/> says how many more helper calls deep the summaries it
/// asks for may look (a helper that returns what another helper returned).
/// </summary>
internal sealed class HelperCalls
{
    public HelperCalls(HelperSummaries summaries, SemanticModel model, CancellationToken cancellationToken, int depth = HelperSummaries.MaxDepth)
    {
        Summaries = summaries;
        Model = model;
        CancellationToken = cancellationToken;
        Depth = depth;
    }

    /// <summary>0: the summaries asked for follow no helper of their own; 1: one more call deep.</summary>
    public int Depth { get; }

    public HelperSummaries Summaries { get; }

    public SemanticModel Model { get; }

    public CancellationToken CancellationToken { get; }
}

/// <summary>
/// Values a helper of the compilation hands back (see <see cref="HelperSummaries"/>): an out
/// argument's local, a local deconstructed from a returned tuple, a tuple element, the call itself.
/// </summary>
internal sealed partial class PassiveReplyCode
{
    /// <summary>
    /// The numbers of a parse as an array or list to index: a digit loop's array,
    /// parts.Select(int.Parse).ToArray(), or the numbers a helper returns.
    /// </summary>
    public ReplySource? NumbersSource(IOperation collection)
    {
        var numbers = LocalDefinitions.Strip(collection);
        if (numbers is IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList", Arguments.Length: <= 1 } copy)
            numbers = LocalDefinitions.Strip(copy.Instance ?? copy.Arguments[0].Value);
        if (numbers is ILocalReferenceOperation local && LoopCollected.ContainsKey(local.Local))
            return DigitLoopSource(local.Local);
        return ParsedNumbersSource(_locals.Resolve(collection)) ?? FromHelper(collection, HandedBack.Numbers)?.Source;
    }

    /// <summary>What <paramref name="operation"/> receives from a helper, when it is of <paramref name="kind"/>.</summary>
    private ReplyPart? FromHelper(IOperation operation, HandedBack kind)
    {
        if (_helpers is null || HelperSlot(operation) is not { } slot)
            return null;
        if (_helpers.Summaries.Of(slot.Call.TargetMethod, slot.Slot, _helpers.Model, _helpers.CancellationToken, _helpers.Depth) is not { } value || value.Kind != kind)
            return null;
        var key = (slot.Call, kind == HandedBack.Number ? 0 : slot.Slot);
        if (!_sources.TryGetValue(key, out var source))
        {
            _sources[key] = source = new ReplySource(
                key,
                ParseShape.Split,
                assumesParentheses: value.AssumesParentheses,
                fixedOffset: value.FixedOffset,
                fromHelper: true);
        }
        return new ReplyPart(source, value.Index);
    }

    /// <summary>The helper call and the slot <paramref name="operation"/> comes out of, when it comes out of one.</summary>
    private (IInvocationOperation Call, int Slot)? HelperSlot(IOperation operation)
    {
        operation = LocalDefinitions.Strip(operation);
        switch (operation)
        {
            case IInvocationOperation call:
                return IsHelper(call) ? (call, HelperSummaries.ReturnSlot) : null;
            case IFieldReferenceOperation { Field: { ContainingType.IsTupleType: true } field, Instance: { } tuple }
                when HelperSlot(tuple) is { Slot: HelperSummaries.ReturnSlot } returned:
                var element = field.ContainingType.TupleElements.IndexOf(field.CorrespondingTupleField ?? field);
                return element < 0 ? null : (returned.Call, HelperSummaries.TupleSlot(element));
            case ILocalReferenceOperation reference:
                if (_locals.DeconstructedFrom(reference.Local) is { } deconstructed)
                    return LocalDefinitions.Strip(deconstructed.Deconstruction.Value) is IInvocationOperation tupleCall && IsHelper(tupleCall)
                        ? (tupleCall, HelperSummaries.TupleSlot(deconstructed.Element))
                        : null;
                if (_locals.SingleValue(reference.Local) is not IInvocationOperation defining || !IsHelper(defining))
                    return null;
                foreach (var argument in defining.Arguments)
                {
                    if (argument.Parameter is { RefKind: RefKind.Out } parameter && OutLocal(argument.Value) is { } outLocal
                        && SymbolEqualityComparer.Default.Equals(outLocal, reference.Local))
                        return (defining, parameter.Ordinal);
                }
                return (defining, HelperSummaries.ReturnSlot);
            default:
                return null;
        }
    }

    private static ILocalSymbol? OutLocal(IOperation value)
        => value switch
        {
            ILocalReferenceOperation reference => reference.Local,
            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation reference } => reference.Local,
            _ => null,
        };

    /// <summary>A method of this compilation with a body, not a library call.</summary>
    private static bool IsHelper(IInvocationOperation call)
        => call.TargetMethod is { IsExtern: false, IsAbstract: false } method && !method.DeclaringSyntaxReferences.IsEmpty;
}
