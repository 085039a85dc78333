using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// What each local of one member body is assigned, collected in one walk; also the assignments of
/// its parameters, of fields of this instance (or static ones) and of the elements of local arrays
/// at constant indexes. A read is given a value when exactly one definition reaches it on every
/// path: the local's only definition (a null or default initializer that a later assignment
/// replaces does not count), or the last one written before the read in a statement that every
/// path to the read goes through (<c>parts = parts[4].Split(',')</c>, <c>port = port * 256 + p2</c>).
/// With several that may reach it, which one does depends on the path, and the rules must be right
/// on every path they claim; <see cref="BranchValues"/> gives the values of the arms of one if/else
/// or switch instead, for a rule that is right when one path is.
/// </summary>
internal sealed class LocalDefinitions
{
    private const int MaxDepth = 12;

    public const int MaxFollowedDefinitions = 4;

    private readonly Dictionary<ISymbol, List<Definition>> _definitions = new(SymbolEqualityComparer.Default);

    private readonly Dictionary<ILocalSymbol, (IDeconstructionAssignmentOperation, int)> _deconstructed = new(SymbolEqualityComparer.Default);

    private readonly Dictionary<(ILocalSymbol Array, int Index), List<IOperation>> _elements = new();

    /// <summary>Local arrays also stored into at an index that is not constant (nums[i++] = n): no element of theirs is known.</summary>
    private readonly Dictionary<ILocalSymbol, List<IOperation>> _variablyStored = new(SymbolEqualityComparer.Default);

    public LocalDefinitions(IReadOnlyList<IOperation> operations)
    {
        foreach (var operation in operations)
            Record(operation);
    }

    /// <summary>One definition: the value given (null when unknown: +=, ++, a ref argument) and the operation that gives it.</summary>
    private readonly struct Definition
    {
        public Definition(IOperation? value, IOperation site)
        {
            Value = value;
            Site = site;
        }

        public IOperation? Value { get; }

        public IOperation Site { get; }
    }

    private void Record(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Add(declarator.Symbol, initializer.Value, declarator);
                break;
            case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array, Indices.Length: 1 } element } assignment
                when element.Indices[0].ConstantValue is { HasValue: true, Value: int index }:
                if (!_elements.TryGetValue((array.Local, index), out var stored))
                    _elements[(array.Local, index)] = stored = new List<IOperation>(1);
                stored.Add(assignment.Value);
                break;
            case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } } assignment:
                if (!_variablyStored.TryGetValue(array.Local, out var variable))
                    _variablyStored[array.Local] = variable = new List<IOperation>(1);
                variable.Add(assignment.Value);
                break;
            case ISimpleAssignmentOperation { Target: var target } assignment when Tracked(target) is { } symbol:
                Add(symbol, assignment.Value, assignment);
                break;
            case ICompoundAssignmentOperation { Target: var target } compound when Tracked(target) is { } symbol:
                Add(symbol, null, compound);
                break;
            case IIncrementOrDecrementOperation { Target: var target } increment when Tracked(target) is { } symbol:
                Add(symbol, null, increment);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var local in deconstruction.Target.Descendants())
                {
                    if (local is ILocalReferenceOperation reference)
                        Add(reference.Local, null, deconstruction);
                }
                if (Strip(deconstruction.Target) is IDeclarationExpressionOperation { Expression: ITupleOperation declared })
                    RecordDeconstruction(declared, deconstruction);
                else if (deconstruction.Target is ITupleOperation assigned)
                    RecordDeconstruction(assigned, deconstruction);
                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument:
                var outSymbol = argument.Value is IDeclarationExpressionOperation { Expression: ILocalReferenceOperation outLocal } ? outLocal.Local : Tracked(argument.Value);
                // An out argument's definition is the call itself (int.TryParse(s, out n) defines n from s).
                if (outSymbol is not null)
                    Add(outSymbol, argument.Parameter.RefKind == RefKind.Out ? argument.Parent : null, argument);
                break;
            case IForEachLoopOperation loop:
                foreach (var local in loop.Locals)
                    Add(local, loop, loop);
                break;
        }
    }

    /// <summary>What an assignment to <paramref name="target"/> defines: a local, a parameter, a field of this instance or a static one.</summary>
    private static ISymbol? Tracked(IOperation target)
        => target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            _ => null,
        };

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

    private void Add(ISymbol symbol, IOperation? value, IOperation site)
    {
        if (!_definitions.TryGetValue(symbol, out var values))
            _definitions[symbol] = values = new List<Definition>(1);
        values.Add(new Definition(value, site));
    }

    /// <summary>The one value the local is ever given, or null when there are none or several.</summary>
    public IOperation? SingleValue(ILocalSymbol local)
    {
        if (!_definitions.TryGetValue(local, out var values) || values.Count > MaxFollowedDefinitions)
            return null;
        IOperation? single = null;
        foreach (var definition in values)
        {
            var value = definition.Value;
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
    /// The value that reaches <paramref name="reference"/> (a local, a parameter or a field read) on
    /// every path: a local's single value, else the definition written last before the read in a
    /// statement of a block the read comes later in, with no other definition between them nor
    /// after the read in a loop around it. Null when none is known (a parameter or field that keeps
    /// the value it came with).
    /// </summary>
    public IOperation? ValueAt(IOperation reference)
    {
        var symbol = Tracked(reference);
        if (symbol is null || !_definitions.TryGetValue(symbol, out var values) || values.Count > MaxFollowedDefinitions)
            return null;
        if (symbol is ILocalSymbol local && SingleValue(local) is { } single)
            return single;
        var use = reference.Syntax;
        Definition? last = null;
        foreach (var definition in values)
        {
            var site = definition.Site.Syntax;
            if (site.Span.End <= use.SpanStart && (last is null || site.SpanStart > last.Value.Site.Syntax.SpanStart))
                last = definition;
        }
        if (last is not { Value: { } value } found || !Dominates(found.Site.Syntax, use))
            return null;
        var lastSite = found.Site.Syntax;
        foreach (var definition in values)
        {
            // One around the read (x = f(x)) or after it may come back to it through a loop the last one is not in.
            var site = definition.Site.Syntax;
            if (site.Span.End > use.SpanStart && LoopAround(use, site, lastSite))
                return null;
        }
        return value;
    }

    /// <summary>
    /// The values of a local given one in each arm of one if/else chain or switch that the read
    /// follows (<c>if (pasvex) host = control; else host = advertised;</c>), after at most a null or
    /// default initializer: each arm's value reaches the read on the paths through that arm. Null otherwise.
    /// </summary>
    public IReadOnlyList<IOperation>? BranchValues(IOperation reference)
    {
        if (Tracked(reference) is not ILocalSymbol local || !_definitions.TryGetValue(local, out var values) || values.Count > MaxFollowedDefinitions)
            return null;
        var use = reference.Syntax;
        var arms = new List<Definition>(values.Count);
        foreach (var definition in values)
        {
            if (definition.Value is null || definition.Site.Syntax.Span.End > use.SpanStart)
                return null;
            if (!(IsNullOrDefault(definition.Value) && definition.Site is IVariableDeclaratorOperation))
                arms.Add(definition);
        }
        if (arms.Count < 2)
            return null;
        SyntaxNode? top = null;
        for (var i = 0; i < arms.Count; i++)
        {
            for (var j = i + 1; j < arms.Count; j++)
            {
                if (ExclusiveArms(arms[i].Site.Syntax, arms[j].Site.Syntax) is not { } common)
                    return null;
                if (top is null || common.Span.Contains(top.Span))
                    top = common;
            }
        }
        if (top is null || !Dominates(top, use))
            return null;
        var result = new List<IOperation>(arms.Count);
        foreach (var arm in arms)
            result.Add(arm.Value!);
        return result;
    }

    /// <summary>
    /// <c>s = ""; for (…) { s += parts[i]; s += "."; } s += parts[3];</c>: the values appended to a
    /// local string that starts empty, when that is all it is ever given and all of it comes before
    /// the read (outside any loop around the read). Null otherwise.
    /// </summary>
    public IReadOnlyList<IOperation>? AppendedValues(IOperation reference)
    {
        if (Tracked(reference) is not ILocalSymbol { Type.SpecialType: SpecialType.System_String } local
            || !_definitions.TryGetValue(local, out var values) || values.Count < 2 || values.Count > 2 * MaxFollowedDefinitions)
            return null;
        var use = reference.Syntax;
        var appended = new List<IOperation>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var definition = values[i];
            if (definition.Site.Syntax.Span.End > use.SpanStart || LoopAround(use, definition.Site.Syntax, use))
                return null;
            if (i == 0 && definition.Value is { } initial && IsNullOrDefault(initial))
                continue;
            if (i == 0 || definition.Site is not ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } append)
                return null;
            appended.Add(append.Value);
        }
        return appended;
    }

    /// <summary>The if or switch statement whose different arms hold <paramref name="first"/> and <paramref name="second"/>.</summary>
    private static SyntaxNode? ExclusiveArms(SyntaxNode first, SyntaxNode second)
    {
        for (var node = first.Parent; node is not null && node is not MemberDeclarationSyntax; node = node.Parent)
        {
            if (!node.Span.Contains(second.Span))
                continue;
            switch (node)
            {
                case IfStatementSyntax { Else: { } otherwise } conditional:
                    var firstInThen = conditional.Statement.Span.Contains(first.Span);
                    var secondInThen = conditional.Statement.Span.Contains(second.Span);
                    var firstInElse = otherwise.Span.Contains(first.Span);
                    var secondInElse = otherwise.Span.Contains(second.Span);
                    return firstInThen && secondInElse || firstInElse && secondInThen ? conditional : null;
                case SwitchStatementSyntax choice:
                    foreach (var section in choice.Sections)
                    {
                        if (section.Span.Contains(first.Span))
                            return section.Span.Contains(second.Span) ? null : choice;
                    }
                    return null;
                case StatementSyntax and not BlockSyntax:
                    return null;
            }
        }
        return null;
    }

    /// <summary>
    /// Every path to <paramref name="use"/> goes through <paramref name="site"/>: the statement
    /// holding the site is in a block (or switch section) that the use comes later in.
    /// </summary>
    private static bool Dominates(SyntaxNode site, SyntaxNode use)
    {
        var statement = site as StatementSyntax ?? site.FirstAncestorOrSelf<StatementSyntax>();
        var after = statement?.Span.End ?? 0;
        // if (!int.TryParse(s, out var n)) return;: the condition of an if runs before both arms and what follows.
        if (statement is IfStatementSyntax conditional && conditional.Condition.Span.Contains(site.Span))
            after = conditional.Condition.Span.End;
        if (statement?.Parent is not (BlockSyntax or SwitchSectionSyntax))
            return false;
        var container = statement.Parent;
        return container.Span.Contains(use.Span) && use.SpanStart >= after && !CrossesFunction(use, container);
    }

    /// <summary>The use is in a lambda or local function inside <paramref name="container"/>: it may run at any time.</summary>
    private static bool CrossesFunction(SyntaxNode use, SyntaxNode container)
    {
        for (var node = use.Parent; node is not null && node != container; node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                return true;
        }
        return false;
    }

    /// <summary>A loop around <paramref name="use"/> and <paramref name="site"/> that <paramref name="last"/> is not in.</summary>
    private static bool LoopAround(SyntaxNode use, SyntaxNode site, SyntaxNode last)
    {
        for (var node = use.Parent; node is not null && node is not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
                && node.Span.Contains(site.Span) && !node.Span.Contains(last.Span))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The value stored at a constant index of a local array created with a size
    /// (<c>bytes[0] = byte.Parse(parts[0])</c>), or given in its initializer; null when stored twice.
    /// </summary>
    public IOperation? ElementValue(IOperation array, int index)
    {
        var stripped = Strip(array);
        if (stripped is ILocalReferenceOperation local && !_variablyStored.ContainsKey(local.Local) && SingleValue(local.Local) is { } created
            && Strip(created) is IArrayCreationOperation creation)
        {
            if (creation.Initializer is { } initializer)
                return index >= 0 && index < initializer.ElementValues.Length && !_elements.ContainsKey((local.Local, index)) ? initializer.ElementValues[index] : null;
            return _elements.TryGetValue((local.Local, index), out var stored) && stored.Count == 1 ? stored[0] : null;
        }
        return null;
    }

    /// <summary>The first <paramref name="count"/> values stored in a local array created with a size, or null.</summary>
    public IReadOnlyList<IOperation>? StoredElements(IOperation array, int count)
    {
        if (Strip(array) is not ILocalReferenceOperation local || _variablyStored.ContainsKey(local.Local) || SingleValue(local.Local) is not { } created
            || Strip(created) is not IArrayCreationOperation { Initializer: null })
            return null;
        var values = new List<IOperation>(count);
        for (var i = 0; i < count; i++)
        {
            if (!_elements.TryGetValue((local.Local, i), out var stored) || stored.Count != 1)
                return null;
            values.Add(stored[0]);
        }
        return values;
    }

    /// <summary>
    /// The one value a loop stores into every slot of a local array created with <paramref name="size"/>
    /// slots (<c>for (k = 0; k &lt; 4; k++) bytes[k] = byte.Parse(m.Groups[k + 1].Value)</c>), or null.
    /// </summary>
    public IOperation? LoopStoredValue(IOperation array, int size)
    {
        if (Strip(array) is not ILocalReferenceOperation local || !_variablyStored.TryGetValue(local.Local, out var stored) || stored.Count != 1
            || SingleValue(local.Local) is not { } created
            || Strip(created) is not IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 } creation
            || creation.DimensionSizes[0].ConstantValue is not { HasValue: true, Value: int length }
            || length != size)
            return null;
        foreach (var key in _elements.Keys)
        {
            if (SymbolEqualityComparer.Default.Equals(key.Array, local.Local))
                return null;
        }
        return stored[0];
    }

    /// <summary>
    /// Every value the local is given (for shape evidence, which holds on any path); nothing for a
    /// local given more than <see cref="MaxFollowedDefinitions"/> values (an accumulator, not a
    /// parse), which keeps walks linear.
    /// </summary>
    public IEnumerable<IOperation> AllValues(ISymbol symbol)
    {
        if (!_definitions.TryGetValue(symbol, out var values) || values.Count > MaxFollowedDefinitions)
            yield break;
        foreach (var definition in values)
        {
            if (definition.Value is not null)
                yield return definition.Value;
        }
    }

    /// <summary>True when the local is given a value nowhere but in its declaration.</summary>
    public bool IsAssignedOnce(ILocalSymbol local)
        => _definitions.TryGetValue(local, out var values) && values.Count == 1 && values[0].Value is not null;

    /// <summary>Strips conversions and parentheses, then follows locals (and reassigned parameters and fields) to the value that reaches the read.</summary>
    public IOperation Resolve(IOperation operation)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            operation = Strip(operation);
            if (operation is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation) || ValueAt(operation) is not { } value)
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

    /// <summary>A placeholder a later assignment replaces: null, default, 0, "" or string.Empty.</summary>
    private static bool IsNullOrDefault(IOperation value)
    {
        var stripped = Strip(value);
        return stripped is IDefaultValueOperation
            || (stripped.ConstantValue.HasValue && stripped.ConstantValue.Value is null or "")
            || (stripped.Type is { SpecialType: SpecialType.System_Int32 } && stripped.ConstantValue is { HasValue: true, Value: 0 })
            || stripped is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } };
    }
}
