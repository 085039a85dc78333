using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// What each local of one member body is assigned, collected in one walk. A local is followed
/// only when it has exactly one definition (a null or default initializer that a later
/// assignment replaces does not count): with two, which one reaches a use depends on the path,
/// and the rules must be right on every path they claim.
/// </summary>
internal sealed class LocalDefinitions
{
    private const int MaxDepth = 12;

    public const int MaxFollowedDefinitions = 4;

    private readonly Dictionary<ILocalSymbol, List<IOperation?>> _definitions = new(SymbolEqualityComparer.Default);

    private readonly Dictionary<ILocalSymbol, (IDeconstructionAssignmentOperation, int)> _deconstructed = new(SymbolEqualityComparer.Default);

    public LocalDefinitions(IReadOnlyList<IOperation> operations)
    {
        foreach (var operation in operations)
            Record(operation);
    }

    private void Record(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Add(declarator.Symbol, initializer.Value);
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                Add(target.Local, assignment.Value);
                break;
            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }:
                Add(target.Local, null);
                break;
            case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                Add(target.Local, null);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var local in deconstruction.Target.Descendants())
                {
                    if (local is ILocalReferenceOperation reference)
                        Add(reference.Local, null);
                }
                if (Strip(deconstruction.Target) is IDeclarationExpressionOperation { Expression: ITupleOperation declared })
                    RecordDeconstruction(declared, deconstruction);
                else if (deconstruction.Target is ITupleOperation assigned)
                    RecordDeconstruction(assigned, deconstruction);
                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument:
                var outLocal = argument.Value switch
                {
                    ILocalReferenceOperation reference => reference.Local,
                    IDeclarationExpressionOperation { Expression: ILocalReferenceOperation reference } => reference.Local,
                    _ => null,
                };
                // An out argument's definition is the call itself (int.TryParse(s, out n) defines n from s).
                if (outLocal is not null)
                    Add(outLocal, argument.Parameter.RefKind == RefKind.Out ? argument.Parent : null);
                break;
            case IForEachLoopOperation loop:
                foreach (var local in loop.Locals)
                    Add(local, loop);
                break;
        }
    }

    /// <summary>var (host, p1, p2) = Parse(reply): each local is element i of the value deconstructed.</summary>
    private void RecordDeconstruction(ITupleOperation tuple, IDeconstructionAssignmentOperation deconstruction)
    {
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            var element = Strip(tuple.Elements[i]);
            if (element is IDeclarationExpressionOperation { Expression: var declared })
                element = declared;
            if (element is ILocalReferenceOperation reference)
                _deconstructed[reference.Local] = (deconstruction, i);
        }
    }

    /// <summary>The deconstruction that gives the local its value and the local's position in it, for a local given no other value.</summary>
    public (IDeconstructionAssignmentOperation Deconstruction, int Element)? DeconstructedFrom(ILocalSymbol local)
        => _deconstructed.TryGetValue(local, out var found) && _definitions.TryGetValue(local, out var values) && values.Count == 1 ? found : null;

    private void Add(ILocalSymbol local, IOperation? value)
    {
        if (!_definitions.TryGetValue(local, out var values))
            _definitions[local] = values = new List<IOperation?>(1);
        values.Add(value);
    }

    /// <summary>The one value the local is ever given, or null when there are none or several.</summary>
    public IOperation? SingleValue(ILocalSymbol local)
    {
        if (!_definitions.TryGetValue(local, out var values) || values.Count > MaxFollowedDefinitions)
            return null;
        IOperation? single = null;
        foreach (var value in values)
        {
            if (value is null)
                return null;
            if (values.Count > 1 && (IsNullOrDefault(value) || IsNextMatch(local, value)))
                continue;
            if (single is not null)
                return null;
            single = value;
        }
        return single;
    }

    /// <summary>
    /// Every value the local is given (for shape evidence, which holds on any path); nothing for a
    /// local given more than <see cref="MaxFollowedDefinitions"/> values (an accumulator, not a
    /// parse), which keeps walks linear.
    /// </summary>
    public IEnumerable<IOperation> AllValues(ILocalSymbol local)
    {
        if (!_definitions.TryGetValue(local, out var values) || values.Count > MaxFollowedDefinitions)
            yield break;
        foreach (var value in values)
        {
            if (value is not null)
                yield return value;
        }
    }

    /// <summary>True when the local is given a value nowhere but in its declaration.</summary>
    public bool IsAssignedOnce(ILocalSymbol local)
        => _definitions.TryGetValue(local, out var values) && values.Count == 1 && values[0] is not null;

    /// <summary>Strips conversions and parentheses, then follows locals to their one definition.</summary>
    public IOperation Resolve(IOperation operation)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            operation = Strip(operation);
            if (operation is not ILocalReferenceOperation reference || SingleValue(reference.Local) is not { } value)
                return operation;
            operation = value;
        }
        return operation;
    }

    public static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// m = m.NextMatch() in for (Match m = regex.Match(text); m.Success; m = m.NextMatch()): the next
    /// match of the same pattern over the same text, so the same parse as the first.
    /// </summary>
    private static bool IsNextMatch(ILocalSymbol local, IOperation value)
        => Strip(value) is IInvocationOperation { TargetMethod.Name: "NextMatch", Instance: ILocalReferenceOperation instance }
        && SymbolEqualityComparer.Default.Equals(instance.Local, local);

    private static bool IsNullOrDefault(IOperation value)
    {
        var stripped = Strip(value);
        return stripped is IDefaultValueOperation
            || (stripped.ConstantValue.HasValue && stripped.ConstantValue.Value is null)
            || (stripped.Type is { SpecialType: SpecialType.System_Int32 } && stripped.ConstantValue is { HasValue: true, Value: 0 });
    }
}
