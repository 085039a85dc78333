using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// The number parsing: how a value is a number, or a number string, taken from one parse of a
/// comma-separated list (a Split, a Regex match and its groups, an array a character loop fills,
/// LINQ over either), and what each parse shows of a 227 reply.
/// </summary>
internal sealed partial class PassiveReplyCode
{
    /// <summary>A number taken from a parse: int.Parse(parts[4]), Convert.ToInt32(m.Groups[5].Value), nums[4].</summary>
    public ReplyPart? ClassifyNumber(IOperation operation)
    {
        if (FromHelper(operation, HandedBack.Number) is { } handed)
            return handed;
        var value = StoredElement(_locals.Resolve(operation));
        // (p1 & 0xff) << 8: a mask to one byte keeps the number what it was.
        for (var depth = 0; depth < 2 && value is IBinaryOperation { OperatorKind: BinaryOperatorKind.And } mask; depth++)
        {
            if (IsConstant(mask.RightOperand, 0xff))
                value = _locals.Resolve(mask.LeftOperand);
            else if (IsConstant(mask.LeftOperand, 0xff))
                value = _locals.Resolve(mask.RightOperand);
            else
                break;
        }
        switch (value)
        {
            case IInvocationOperation invocation when IsNumberParse(invocation.TargetMethod) && invocation.Arguments.Length > 0:
                return ClassifyString(ArgumentInSourceOrder(invocation, 0));
            case IArrayElementReferenceOperation element:
                return ClassifyElement(element.ArrayReference, element.Indices.Length == 1 ? element.Indices[0] : null);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list, Arguments.Length: 1 } indexer
                when list.Type is INamedTypeSymbol { Name: "List" }:
                return ClassifyElement(list, indexer.Arguments[0].Value);
            default:
                return null;
        }
    }

    private ReplyPart? ClassifyElement(IOperation collection, IOperation? index)
    {
        var indexValue = ConstantIndex(index);
        if (LocalDefinitions.Strip(collection) is ILocalReferenceOperation local && LoopCollected.ContainsKey(local.Local))
            return new ReplyPart(DigitLoopSource(local.Local), indexValue);
        if (ParsedNumbersSource(_locals.Resolve(collection)) is { } source)
            return new ReplyPart(source, indexValue);
        if (FromHelper(collection, HandedBack.Numbers) is { } handed)
            return new ReplyPart(handed.Source, indexValue);
        return null;
    }

    /// <summary>parts.Select(int.Parse).ToArray(), Array.ConvertAll(parts, int.Parse), parts.Select(s => byte.Parse(s)).ToList().</summary>
    private ReplySource? ParsedNumbersSource(IOperation value)
    {
        for (var depth = 0; depth < 4 && value is IInvocationOperation invocation; depth++)
        {
            var name = invocation.TargetMethod.Name;
            if (name is "ToArray" or "ToList" && invocation.Arguments.Length == 1 && invocation.TargetMethod.IsExtensionMethod)
            {
                value = _locals.Resolve(invocation.Arguments[0].Value);
                continue;
            }
            if (name is "Select" or "ConvertAll" && invocation.Arguments.Length == 2 && ConvertsToNumbers(invocation.Arguments[1].Value))
            {
                var strings = ArgumentInSourceOrder(invocation, 0);
                return ClassifyStringArray(strings) ?? GroupsSource(strings);
            }
            return null;
        }
        return null;
    }

    /// <summary>m.Groups.Cast&lt;Group&gt;().Skip(1): the groups of a Regex match, as a sequence.</summary>
    private ReplySource? GroupsSource(IOperation sequence)
    {
        var value = _locals.Resolve(sequence);
        for (var depth = 0; depth < 4 && value is IInvocationOperation { TargetMethod.Name: "Cast" or "OfType" or "Skip", Arguments.Length: >= 1 } step; depth++)
            value = _locals.Resolve(ArgumentInSourceOrder(step, 0));
        if (value is IPropertyReferenceOperation { Property.Name: "Groups", Instance: { } match }
            && RegexCall.From(_locals.Resolve(match), "Match") is { } matchCall)
            return RegexSource(matchCall);
        return null;
    }

    private static bool ConvertsToNumbers(IOperation selector)
    {
        foreach (var operation in selector.DescendantsAndSelf())
        {
            var method = operation switch
            {
                IMethodReferenceOperation reference => reference.Method,
                IInvocationOperation call => call.TargetMethod,
                _ => null,
            };
            if (method is not null && IsNumberParse(method))
                return true;
        }
        return false;
    }

    /// <summary>A number string taken from a parse: parts[4], parts[5].TrimEnd(')'), m.Groups[5].Value.</summary>
    public ReplyPart? ClassifyString(IOperation operation)
    {
        var value = StoredElement(_locals.Resolve(operation));
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (value is IInvocationOperation { Instance: { } instance } call
                && (StringManipulations.Contains(call.TargetMethod.Name) && call.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
                    || (call.TargetMethod.Name == "ToString" && call.Arguments.Length == 0)))
            {
                value = _locals.Resolve(instance);
                continue;
            }
            if (LeadingCharacters(value) is { } characters)
            {
                value = _locals.Resolve(characters);
                continue;
            }
            if (StoredElement(value) is var stored && !ReferenceEquals(stored, value))
            {
                value = stored;
                continue;
            }
            break;
        }

        switch (value)
        {
            case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                if (ClassifyStringArray(element.ArrayReference) is { } split)
                    return new ReplyPart(split, ConstantIndex(element.Indices[0]));
                if (FromHelper(element.ArrayReference, HandedBack.Numbers) is { } handed)
                    return new ReplyPart(handed.Source, ConstantIndex(element.Indices[0]));
                // parts[5].Split(')')[0]: a part cut again on something else than a comma.
                if (_locals.Resolve(element.ArrayReference) is IInvocationOperation { TargetMethod.Name: "Split", Instance: { } cut } again
                    && again.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
                    && ConstantIndex(element.Indices[0]) is 0)
                    return ClassifyString(cut);
                return null;
            case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } group }:
                return ClassifyGroup(group) ?? ClassifyMatch(group);
            default:
                // m.Groups[5].ToString(): the ToString was stripped above.
                return ClassifyGroup(value);
        }
    }

    /// <summary>
    /// The string the leading characters are taken from: new string(part.TakeWhile(char.IsDigit).ToArray()),
    /// string.Concat(part.TakeWhile(char.IsDigit)) (the digits before the closing ')' or '.').
    /// </summary>
    private IOperation? LeadingCharacters(IOperation value)
    {
        var sequence = value switch
        {
            IObjectCreationOperation { Type.SpecialType: SpecialType.System_String, Arguments.Length: 1 } creation => creation.Arguments[0].Value,
            IInvocationOperation { TargetMethod.Name: "Concat", Arguments.Length: 1 } concat when concat.TargetMethod.ContainingType.SpecialType == SpecialType.System_String => concat.Arguments[0].Value,
            _ => null,
        };
        if (sequence is null)
            return null;
        sequence = _locals.Resolve(sequence);
        if (sequence is IInvocationOperation { TargetMethod.Name: "ToArray", Arguments.Length: 1 } toArray)
            sequence = _locals.Resolve(toArray.Arguments[0].Value);
        if (sequence is IInvocationOperation { TargetMethod.Name: "TakeWhile", Arguments.Length: 2 } takeWhile && takeWhile.TargetMethod.IsExtensionMethod)
            return takeWhile.Arguments[0].Value;
        return null;
    }

    /// <summary>
    /// Regex.Matches(reply, @"\d+")[5].Value (all numbers of the reply; needs other evidence), or
    /// Regex.Match(parts[5], @"\d+").Value (the digits of a part).
    /// </summary>
    private ReplyPart? ClassifyMatch(IOperation match)
    {
        var value = _locals.Resolve(match);
        if (RegexCall.From(value, "Match") is { } call)
            return call.Input is { } input ? ClassifyString(input) : null;
        if (value is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } collection } indexer
            && IsRegexType(collection.Type, "MatchCollection")
            && RegexCall.From(_locals.Resolve(collection), "Matches") is { } matches)
            return new ReplyPart(RegexSource(matches), ConstantIndex(indexer.Arguments[0].Value));
        return null;
    }

    private ReplyPart? ClassifyGroup(IOperation group)
    {
        group = LocalDefinitions.Strip(group);
        if (group is not IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: IPropertyReferenceOperation { Property.Name: "Groups", Instance: { } match } } indexer
            || !IsRegexType(indexer.Type, "Group"))
            return null;
        if (RegexCall.From(_locals.Resolve(match), "Match") is not { } matchCall)
            return null;
        return new ReplyPart(RegexSource(matchCall), ConstantIndex(indexer.Arguments[0].Value));
    }

    /// <summary>The Split(',') that produced an array of number strings, as a parse.</summary>
    public ReplySource? ClassifyStringArray(IOperation operation)
    {
        var resolved = _locals.Resolve(operation);
        if (resolved is IInvalidOperation unresolved)
            return UnresolvedSplit(unresolved);
        if (resolved is not IInvocationOperation { TargetMethod.Name: "Split", Instance: { } } split
            || split.TargetMethod.ContainingType.SpecialType != SpecialType.System_String
            || !SplitsOnComma(split))
            return null;
        if (_sources.TryGetValue(split, out var known))
            return known;

        var walk = Walk(split);
        var source = new ReplySource(
            split,
            ParseShape.Split,
            replyText: ReplyRoot(split.Instance!),
            assumesParentheses: walk.HasParenthesis,
            fixedOffset: walk.HasFixedOffset,
            sixNumberPattern: SplitsSixNumberGroup(split.Instance!),
            sixFields: SplitsIntoSix(split));
        _sources[split] = source;
        return source;
    }

    /// <summary>
    /// reply.Text.Substring(…).Split(','), where the reply's type is in a file not compiled (a file
    /// alone while typing): the call is not bound, so it is read from syntax — a Split whose
    /// arguments have a comma. What the text was cut at is read the same way.
    /// </summary>
    private ReplySource? UnresolvedSplit(IInvalidOperation split)
    {
        if (TextCall.From(split) is not { Name: "Split" } call || !HasComma(call.Arguments))
            return null;
        if (_sources.TryGetValue(split, out var known))
            return known;
        var walk = Walk(split);
        var source = new ReplySource(split, ParseShape.Split, assumesParentheses: walk.HasParenthesis, fixedOffset: walk.HasFixedOffset);
        _sources[split] = source;
        return source;
    }

    private static bool HasComma(IEnumerable<IOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            foreach (var operation in argument.DescendantsAndSelf())
            {
                if (operation.ConstantValue is { HasValue: true, Value: ',' or "," })
                    return true;
            }
        }
        return false;
    }

    /// <summary>Split(',', 6) or Split(new[] { ',' }, 6): the count of a PASV reply's fields.</summary>
    private static bool SplitsIntoSix(IInvocationOperation split)
    {
        foreach (var argument in split.Arguments)
        {
            if (argument.Parameter?.Name == "count" && argument.Value.ConstantValue.Value is 6)
                return true;
        }
        return false;
    }

    /// <summary>The text split is m.Groups[…].Value of a match whose pattern has the six numbers.</summary>
    private bool SplitsSixNumberGroup(IOperation text)
    {
        var value = _locals.Resolve(text);
        for (var depth = 0; depth < MaxDepth && value is IInvocationOperation { Instance: { } instance } call && IsStringDerivation(call); depth++)
            value = _locals.Resolve(instance);
        if (value is IPropertyReferenceOperation { Property.Name: "Value", Instance: { } group }
            && LocalDefinitions.Strip(group) is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IPropertyReferenceOperation { Property.Name: "Groups", Instance: { } match } }
            && RegexCall.From(_locals.Resolve(match), "Match") is { } matchCall)
            return RegexSource(matchCall).SixNumberPattern;
        return false;
    }

    private static bool SplitsOnComma(IInvocationOperation split)
    {
        foreach (var argument in split.Arguments)
        {
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                if (operation.ConstantValue is { HasValue: true, Value: ',' or "," })
                    return true;
            }
        }
        return false;
    }

    private ReplySource RegexSource(RegexCall match)
    {
        if (_sources.TryGetValue(match.Operation, out var known))
            return known;

        var pattern = match.Instance is { } regex ? InstancePattern(regex) : match.Pattern;
        var source = new ReplySource(
            match.Operation,
            ParseShape.Regex,
            replyText: match.Input is null ? null : ReplyRoot(match.Input),
            assumesParentheses: pattern is not null && (pattern.Contains("\\(") || pattern.Contains("\\)")),
            sixNumberPattern: pattern is not null && IsSixNumberPattern(pattern));
        _sources[match.Operation] = source;
        return source;
    }

    /// <summary>The pattern of new Regex("…") in a local, in a field's initializer (read from syntax), or of a [GeneratedRegex] method.</summary>
    private string? InstancePattern(IOperation regex)
    {
        var value = _locals.Resolve(regex);
        if (value is IObjectCreationOperation { Arguments.Length: > 0 } creation)
            return creation.Arguments[0].Value.ConstantValue.Value as string;
        // [GeneratedRegex(@"…")] static partial Regex Pasv(); the generator may not have run (a file alone).
        if (value is IInvocationOperation { Arguments.Length: 0, TargetMethod: var method })
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "GeneratedRegexAttribute" } && attribute.ConstructorArguments is { Length: > 0 } arguments)
                    return arguments[0].Value as string;
            }
            return null;
        }
        if (value is IFieldReferenceOperation field)
        {
            foreach (var reference in field.Field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var initializer }
                    && initializer is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
                    && arguments[0].Expression is LiteralExpressionSyntax literal
                    && literal.Token.Value is string text)
                    return text;
            }
        }
        return null;
    }

    /// <summary>At least six number groups (\d or [0-9]) and five commas between them.</summary>
    internal static bool IsSixNumberPattern(string pattern)
    {
        int numbers = 0, commas = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == ',')
                commas++;
            else if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] == 'd')
                numbers++;
            else if (string.CompareOrdinal(pattern, i, "[0-9]", 0, 5) == 0)
                numbers++;
        }
        return numbers >= 6 && commas >= 5;
    }

    private ReplySource DigitLoopSource(ILocalSymbol array)
    {
        if (_sources.TryGetValue(array, out var known))
            return known;
        var source = new ReplySource(array, ParseShape.DigitLoop, replyText: LoopedText(LoopCollected[array]));
        _sources[array] = source;
        return source;
    }

    /// <summary>
    /// Arrays and lists filled inside a loop that looks at commas: the loop-collects-digits parser
    /// (foreach (char c in reply) { if (c == ',') { nums[i++] = n; n = 0; } … }).
    /// </summary>
    private Dictionary<ILocalSymbol, ILoopOperation> LoopCollected
    {
        get
        {
            if (_loopCollected is not null)
                return _loopCollected;
            _loopCollected = new Dictionary<ILocalSymbol, ILoopOperation>(SymbolEqualityComparer.Default);
            foreach (var operation in _operations)
            {
                if (operation is not ILoopOperation loop || !LooksAtCommas(loop))
                    continue;
                foreach (var inner in loop.Body.DescendantsAndSelf())
                {
                    switch (inner)
                    {
                        case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } }:
                            _loopCollected[array.Local] = loop;
                            break;
                        case IInvocationOperation { TargetMethod.Name: "Add", Instance: ILocalReferenceOperation list }:
                            _loopCollected[list.Local] = loop;
                            break;
                    }
                }
            }
            return _loopCollected;
        }
    }

    private static bool LooksAtCommas(ILoopOperation loop)
    {
        foreach (var operation in loop.DescendantsAndSelf())
        {
            if (operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: ',' or "," } })
                return true;
        }
        return false;
    }

    private static bool IsNumberParse(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (method.Name is "Parse" or "TryParse")
        {
            return type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Byte or SpecialType.System_Int16
                or SpecialType.System_UInt16 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_SByte;
        }
        return type is { Name: "Convert", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
            && method.Name is "ToInt32" or "ToByte" or "ToInt16" or "ToUInt16" or "ToInt64" or "ToUInt32"
            && method.Parameters.Length >= 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String;
    }
}
