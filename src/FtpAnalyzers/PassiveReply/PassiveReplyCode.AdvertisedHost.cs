using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// The address sinks' side (FTP0007): whether a host or address is built from the first four
/// numbers of one parse (joined with dots, formatted, concatenated, IPAddress.Parse, new IPAddress(bytes)).
/// </summary>
internal sealed partial class PassiveReplyCode
{
    /// <summary>
    /// The parse whose first four numbers <paramref name="operation"/> is built from: joined with
    /// dots (string.Join, concatenation, interpolation, Format, Replace(',', '.')), turned into an
    /// IPAddress (Parse, TryParse, new IPAddress(bytes)). Null when it is anything else.
    /// </summary>
    public ReplySource? AdvertisedHost(IOperation operation) => AdvertisedHost(operation, 0);

    private ReplySource? AdvertisedHost(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
            return null;
        if (FromHelper(operation, HandedBack.Host) is { } handed)
            return handed.Source;
        var value = _locals.Resolve(operation);
        switch (value)
        {
            // if (pasvex) host = control; else host = advertised;: the advertised arm's path connects there.
            case ILocalReferenceOperation when depth < 2 && _locals.BranchValues(value) is { } arms:
                foreach (var arm in arms)
                {
                    if (AdvertisedHost(arm, depth + 1) is { } armSource)
                        return armSource;
                }
                return null;
            // s = ""; s += parts[0]; s += "."; …: a host appended piece by piece.
            case ILocalReferenceOperation when _locals.AppendedValues(value) is { } appended:
                return AppendedHost(appended);
            case IInvocationOperation { TargetMethod.Name: "Parse" or "TryParse" } parse
                when parse.TargetMethod.ContainingType is { Name: "IPAddress" } && parse.Arguments.Length > 0:
                return AdvertisedHost(ArgumentInSourceOrder(parse, 0), depth + 1);
            case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance }
                when instance.Type is { Name: "IPAddress" }:
                return AdvertisedHost(instance, depth + 1);
            // new HostName(host) (UWP's StreamSocket), new Uri(host): a name for the host, not a connect.
            case IObjectCreationOperation { Type.Name: "HostName", Arguments.Length: 1 } name:
                return AdvertisedHost(name.Arguments[0].Value, depth + 1);
            case IInvalidOperation { Syntax: ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1, Type: var type } } unresolved
                when type.ToString().EndsWith("HostName", System.StringComparison.Ordinal):
                foreach (var child in unresolved.ChildOperations)
                    return AdvertisedHost(child is IArgumentOperation argument ? argument.Value : child, depth + 1);
                return null;
        }

        var source = value switch
        {
            IPropertyReferenceOperation { Property.Name: "AdvertisedAddress" } advertised when IsPassiveEndpoint(advertised.Property.ContainingType) => AdvertisedAddressSource(advertised),
            IInvocationOperation { TargetMethod.Name: "Join" } join when join.TargetMethod.ContainingType.SpecialType == SpecialType.System_String => JoinedHost(join),
            IInvocationOperation { TargetMethod.Name: "Aggregate" } aggregate => AggregatedHost(aggregate),
            IInvocationOperation { TargetMethod.Name: "Format" or "Concat" } format when format.TargetMethod.ContainingType.SpecialType == SpecialType.System_String => FourParts(format.Arguments),
            IInvocationOperation { TargetMethod.Name: "Replace", Instance: { } instance } replace when IsCommaToDot(replace) => ReplacedHost(instance),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String => FourParts(Leaves(concatenation)),
            IInterpolatedStringOperation interpolation => FourParts(interpolation.Parts),
            IObjectCreationOperation { Type.Name: "IPAddress", Arguments.Length: 1 } creation => BytesHost(creation.Arguments[0].Value),
            _ => null,
        };
        return source is not null && IsPassiveReplySource(source) ? source : null;
    }

    private ReplySource AdvertisedAddressSource(IPropertyReferenceOperation advertised)
    {
        if (!_sources.TryGetValue(advertised, out var source))
            _sources[advertised] = source = new ReplySource(advertised, ParseShape.PassiveEndpoint);
        return source;
    }

    private static bool IsPassiveEndpoint(ITypeSymbol? type) => NetTypes.IsFtpType(type, "PassiveEndpoint");

    private ReplySource? JoinedHost(IInvocationOperation join)
    {
        if (join.Arguments.Length < 2 || ArgumentInSourceOrder(join, 0).ConstantValue.Value is not ("." or '.'))
            return null;
        var values = ArgumentInSourceOrder(join, 1);
        // string.Join(".", parts, 0, 4)
        if (join.Arguments.Length == 4 && ArgumentInSourceOrder(join, 2).ConstantValue.Value is 0 && ArgumentInSourceOrder(join, 3).ConstantValue.Value is 4)
            return ClassifyStringArray(values);
        // string.Join(".", parts.Take(4)), string.Join(".", nums.Take(4).Select(n => n.ToString()).ToArray())
        if (FirstFour(values) is { } taken)
            return taken;
        // string.Join('.', parts[..4]), string.Join(".", parts[0..4])
        if (join.Arguments.Length == 2 && FirstFourSlice(_locals.Resolve(values)) is { } sliced)
            return ClassifyStringArray(sliced);
        // string.Join(".", m.Groups["host"].Value.Split(',')): the host group of a six-number pattern
        if (join.Arguments.Length == 2 && ClassifyStringArray(values) is { SixNumberPattern: true } group)
            return group;
        // string.Join(".", parts[0], parts[1], parts[2], parts[3]): a params array, or a params span (C# 13)
        return Elements(values) is { } elements ? FourParts(elements) : null;
    }

    /// <summary>Dots and numbers of one parse appended to a string, nothing else: the host, however many parts a loop appended.</summary>
    private ReplySource? AppendedHost(IReadOnlyList<IOperation> appended)
    {
        ReplySource? source = null;
        var dots = 0;
        foreach (var piece in appended)
        {
            if (LocalDefinitions.Strip(piece).ConstantValue is { HasValue: true, Value: "." or '.' })
            {
                dots++;
                continue;
            }
            if ((ClassifyString(piece) ?? ClassifyNumber(piece)) is not { } part || source is not null && !ReferenceEquals(source, part.Source))
                return null;
            source = part.Source;
        }
        return dots > 0 && source is not null && IsPassiveReplySource(source) ? source : null;
    }

    /// <summary>The array of <c>parts[..4]</c> or <c>parts[0..4]</c>, read from syntax (how an array slice is bound varies by version).</summary>
    private static IOperation? FirstFourSlice(IOperation slice)
    {
        if (slice.Syntax is not ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access
            || access.ArgumentList.Arguments[0].Expression is not RangeExpressionSyntax range
            || range.LeftOperand is not (null or LiteralExpressionSyntax { Token.Value: 0 })
            || range.RightOperand is not LiteralExpressionSyntax { Token.Value: 4 })
            return null;
        foreach (var operation in slice.DescendantsAndSelf())
        {
            if (operation.Syntax == access.Expression)
                return operation;
        }
        return null;
    }

    private static bool IsCommaToDot(IInvocationOperation replace)
        => replace.Arguments.Length == 2
        && replace.Arguments[0].Value.ConstantValue.Value is ',' or ","
        && replace.Arguments[1].Value.ConstantValue.Value is '.' or ".";

    /// <summary>m.Groups[1].Value.Replace(',', '.'), or the text between '(' and the fourth comma.</summary>
    private ReplySource? ReplacedHost(IOperation instance)
    {
        if (ClassifyString(instance) is { } part)
            return part.Source;
        var resolved = _locals.Resolve(instance);
        if (resolved is not IInvocationOperation { TargetMethod.Name: "Substring" or "Remove" } cut)
            return null;
        if (_sources.TryGetValue(cut, out var known))
            return known;
        var walk = Walk(cut);
        var source = new ReplySource(cut, ParseShape.Split, replyText: ReplyRoot(cut), assumesParentheses: walk.HasParenthesis, fixedOffset: walk.HasFixedOffset);
        _sources[cut] = source;
        return source;
    }

    private ReplySource? BytesHost(IOperation bytes)
    {
        // byte[] b = new byte[4]; b[0] = byte.Parse(parts[0]); …
        if (_locals.StoredElements(bytes, 4) is { } stored)
            return FourParts(stored);
        // byte[] b = new byte[4]; for (…) b[k] = byte.Parse(m.Groups[k + 1].Value);
        if (_locals.LoopStoredValue(bytes, 4) is { } each)
            return (ClassifyNumber(each) ?? ClassifyString(each))?.Source;
        var value = _locals.Resolve(bytes);
        if (Elements(value) is { } elements)
            return FourParts(elements);
        // parts.Take(4).Select(byte.Parse).ToArray()
        return value is IInvocationOperation { TargetMethod.Name: "ToArray" } ? FirstFour(value) : null;
    }

    /// <summary>
    /// The parse whose first four numbers a sequence is: <c>x.Take(4)</c>, through copies and
    /// element-wise conversions on either side (<c>ToArray</c>, <c>ToList</c>, <c>Select</c>,
    /// <c>Cast</c>: <c>parts.Take(4).Select(int.Parse)</c>, <c>parts.Select(int.Parse).Take(4).ToArray()</c>),
    /// where x is a Split, the numbers of a parse (a digit loop's array, parts.Select(int.Parse))
    /// or the numbers a helper hands back.
    /// </summary>
    private ReplySource? FirstFour(IOperation sequence)
    {
        var value = _locals.Resolve(sequence);
        for (var depth = 0; depth < 4 && value is IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" or "Select" or "Cast", Arguments.Length: >= 1 } step
            && step.TargetMethod.IsExtensionMethod; depth++)
            value = _locals.Resolve(step.Arguments[0].Value);
        if (value is not IInvocationOperation { TargetMethod.Name: "Take", Arguments.Length: 2 } take || !take.TargetMethod.IsExtensionMethod
            || take.Arguments[1].Value.ConstantValue.Value is not 4)
            return null;
        var taken = take.Arguments[0].Value;
        return ClassifyStringArray(taken) ?? NumbersSource(taken);
    }

    /// <summary><c>parts.Take(4).Aggregate((a, b) => a + "." + b)</c>: the first four numbers joined with dots by a fold.</summary>
    private ReplySource? AggregatedHost(IInvocationOperation aggregate)
    {
        if (aggregate.Arguments.Length != 2 || !aggregate.TargetMethod.IsExtensionMethod)
            return null;
        foreach (var operation in aggregate.Arguments[1].Value.DescendantsAndSelf())
        {
            if (operation.ConstantValue is { HasValue: true, Value: "." or '.' })
                return FirstFour(aggregate.Arguments[0].Value);
        }
        return null;
    }

    /// <summary>At least four numbers of one parse among the values (the pieces of a dotted host).</summary>
    private ReplySource? FourParts(IEnumerable<IOperation> values)
    {
        ReplySource? source = null;
        var count = 0;
        foreach (var raw in values)
        {
            var item = raw switch
            {
                IInterpolationOperation hole => hole.Expression,
                IArgumentOperation argument => argument.Value,
                _ => raw,
            };
            if (item is IInterpolatedStringTextOperation)
                continue;
            if (Elements(item) is { } paramsElements)
                return FourParts(paramsElements);
            var part = ClassifyString(item) ?? ClassifyNumber(item);
            if (part is null)
                continue;
            if (source is not null && !ReferenceEquals(source, part.Value.Source))
                return null;
            source = part.Value.Source;
            count++;
        }
        return count >= 4 ? source : null;
    }

    /// <summary>
    /// The elements of new[] { … }, or of a collection expression [ … ] — what a params span
    /// argument (C# 13) binds to. Roslyn 4.8 has no interface for the latter: it is recognized as
    /// the operation of that kind name, whose children are its elements.
    /// </summary>
    private static IEnumerable<IOperation>? Elements(IOperation operation)
        => LocalDefinitions.Strip(operation) switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            { Kind: var kind } collection when kind.ToString() == "CollectionExpression" => collection.ChildOperations,
            _ => null,
        };

    private static IEnumerable<IOperation> Leaves(IBinaryOperation concatenation)
    {
        var stack = new Stack<IOperation>();
        stack.Push(concatenation);
        while (stack.Count > 0)
        {
            var current = LocalDefinitions.Strip(stack.Pop());
            if (current is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } inner && inner.Type?.SpecialType == SpecialType.System_String)
            {
                stack.Push(inner.RightOperand);
                stack.Push(inner.LeftOperand);
            }
            else
            {
                yield return current;
            }
        }
    }
}
