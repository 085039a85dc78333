using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// The hand-written 227 parsing in one member body: where numbers are taken from a reply
/// (<see cref="ReplySource"/>), the ports computed from them and the advertised host built from
/// them. Intra-member only: locals are followed to their single definition, nothing else.
/// Every walk is bounded by the size of the body (and a fixed depth for chains of locals).
/// </summary>
internal sealed class PassiveReplyCode
{
    private const int MaxDepth = 12;

    private static readonly ImmutableHashSet<string> StringManipulations = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Substring", "Remove", "Trim", "TrimStart", "TrimEnd", "Replace", "ToLower", "ToUpper",
        "ToLowerInvariant", "ToUpperInvariant", "Normalize");

    private readonly ISymbol _owner;
    private readonly IReadOnlyList<IOperation> _operations;
    private readonly LocalDefinitions _locals;
    private readonly Dictionary<object, ReplySource> _sources = new();
    private Dictionary<ILocalSymbol, ILoopOperation>? _loopCollected;
    private bool? _hasEvidence;

    private PassiveReplyCode(ISymbol owner, IReadOnlyList<IOperation> operations)
    {
        _owner = owner;
        _operations = operations;
        _locals = new LocalDefinitions(operations);
    }

    public LocalDefinitions Locals => _locals;

    public IReadOnlyList<IOperation> Operations => _operations;

    /// <summary>Null when the member is PassiveEndpoint itself, the parser everyone should call.</summary>
    public static PassiveReplyCode? Create(ISymbol owner, IEnumerable<IOperation> blocks)
    {
        for (var type = owner.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsPassiveEndpoint(type))
                return null;
        }

        var operations = new List<IOperation>();
        foreach (var block in blocks)
            operations.AddRange(block.DescendantsAndSelf());
        return new PassiveReplyCode(owner, operations);
    }

    /// <summary>Cheap gate: is there any <c>x * 256</c> or <c>x &lt;&lt; 8</c> a port could be made of?</summary>
    public static bool HasPortShape(IEnumerable<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                if (operation is IBinaryOperation binary && HighByte(binary, BinaryOperatorKind.Add) is not null)
                    return true;
            }
        }
        return false;
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

    public PortComputation? TryGetPortComputation(IBinaryOperation binary)
    {
        IOperation? highOperand, lowOperand;
        if (!TrySplitPortShape(binary, out highOperand, out lowOperand))
        {
            // iPort = p1 * 256; iPort = iPort + p2;
            if (binary.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Or) || !IsInteger(binary.Type)
                || binary.Parent is not ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }
                || LocalDefinitions.Strip(binary.LeftOperand) is not ILocalReferenceOperation left
                || !SymbolEqualityComparer.Default.Equals(left.Local, target.Local)
                || EarlierHighByte(target.Local, binary.Parent, binary.OperatorKind) is not { } earlier)
                return null;
            highOperand = earlier;
            lowOperand = binary.RightOperand;
        }
        return Combine(binary, highOperand, lowOperand);
    }

    /// <summary>iPort = p1 * 256; iPort += p2; (or |=).</summary>
    private PortComputation? TryGetSplitPortComputation(ICompoundAssignmentOperation compound)
    {
        if (compound.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Or) || !IsInteger(compound.Type)
            || compound.Target is not ILocalReferenceOperation target
            || EarlierHighByte(target.Local, compound, compound.OperatorKind) is not { } high)
            return null;
        return Combine(compound, high, compound.Value);
    }

    /// <summary>The x of the local's only other definition, when that is x * 256 or x &lt;&lt; 8.</summary>
    private IOperation? EarlierHighByte(ILocalSymbol local, IOperation current, BinaryOperatorKind combine)
    {
        IOperation? high = null;
        foreach (var value in _locals.AllValues(local))
        {
            if (value == current || value.Parent == current || ReferenceEquals(value, (current as IAssignmentOperation)?.Value))
                continue;
            if (high is not null || HighByte(LocalDefinitions.Strip(value), combine) is not { } candidate)
                return null;
            high = candidate;
        }
        return high;
    }

    private PortComputation? Combine(IOperation operation, IOperation highOperand, IOperation lowOperand)
    {
        if (ClassifyNumber(highOperand) is not { } high || ClassifyNumber(lowOperand) is not { } low)
            return null;
        if (!ReferenceEquals(high.Source, low.Source))
            return null;
        return new PortComputation(operation, high, low, Walk(operation).HasParenthesis);
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
        return high >= 4 && low == high + 1;
    }

    public bool IsPassiveReplySource(ReplySource source) => source.IsClassic || HasEvidence;

    private bool HasEvidence => _hasEvidence ??= PassiveReplyEvidence.Find(_owner, _operations);

    private static bool TrySplitPortShape(IBinaryOperation binary, out IOperation high, out IOperation low)
    {
        high = low = null!;
        if (binary.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Or) || !IsInteger(binary.Type))
            return false;
        var left = LocalDefinitions.Strip(binary.LeftOperand);
        var right = LocalDefinitions.Strip(binary.RightOperand);
        if (HighByte(left, binary.OperatorKind) is { } leftHigh)
        {
            high = leftHigh;
            low = right;
            return true;
        }
        if (HighByte(right, binary.OperatorKind) is { } rightHigh)
        {
            high = rightHigh;
            low = left;
            return true;
        }
        return false;
    }

    private static IOperation? HighByte(IOperation operation, BinaryOperatorKind combine)
    {
        if (operation is not IBinaryOperation binary)
            return null;
        if (binary.OperatorKind == BinaryOperatorKind.LeftShift && IsConstant(binary.RightOperand, 8))
            return LocalDefinitions.Strip(binary.LeftOperand);
        if (binary.OperatorKind == BinaryOperatorKind.Multiply && combine == BinaryOperatorKind.Add)
        {
            if (IsConstant(binary.RightOperand, 256))
                return LocalDefinitions.Strip(binary.LeftOperand);
            if (IsConstant(binary.LeftOperand, 256))
                return LocalDefinitions.Strip(binary.RightOperand);
        }
        return null;
    }

    private static bool IsConstant(IOperation operation, long value)
        => operation.ConstantValue is { HasValue: true, Value: { } constant }
        && constant is int or long or uint or short or ushort or byte
        && Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) == value;

    private static bool IsInteger(ITypeSymbol? type)
        => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32
            or SpecialType.System_UInt16 or SpecialType.System_Int16 or SpecialType.System_UInt64;

    // ---- numbers and number strings --------------------------------------------------------

    /// <summary>A number taken from a parse: int.Parse(parts[4]), Convert.ToInt32(m.Groups[5].Value), nums[4].</summary>
    public ReplyPart? ClassifyNumber(IOperation operation)
    {
        var value = _locals.Resolve(operation);
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
        var value = _locals.Resolve(operation);
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
            break;
        }

        switch (value)
        {
            case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                if (ClassifyStringArray(element.ArrayReference) is { } split)
                    return new ReplyPart(split, ConstantIndex(element.Indices[0]));
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
        if (_locals.Resolve(operation) is not IInvocationOperation { TargetMethod.Name: "Split", Instance: { } } split
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

    /// <summary>The pattern of new Regex("…") in a local, or in a field's initializer (read from syntax).</summary>
    private string? InstancePattern(IOperation regex)
    {
        var value = _locals.Resolve(regex);
        if (value is IObjectCreationOperation { Arguments.Length: > 0 } creation)
            return creation.Arguments[0].Value.ConstantValue.Value as string;
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

    /// <summary>The string a digit loop walks: foreach (char c in reply), or reply[i] inside the loop.</summary>
    private IOperation? LoopedText(ILoopOperation loop)
    {
        if (loop is IForEachLoopOperation { Collection: var collection })
        {
            var text = LocalDefinitions.Strip(collection);
            return text.Type?.SpecialType == SpecialType.System_String ? ReplyRoot(text) : null;
        }
        foreach (var inner in loop.DescendantsAndSelf())
        {
            if (inner is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { Type.SpecialType: SpecialType.System_String } text })
                return ReplyRoot(text);
        }
        return null;
    }

    // ---- the reply text ------------------------------------------------------------------

    /// <summary>
    /// The whole reply a parse starts from: follows Substring/Trim/Replace/Split(…)[i] and locals
    /// back to the last named value (a local, a parameter, an FtpReply).
    /// </summary>
    public IOperation ReplyRoot(IOperation text)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            text = LocalDefinitions.Strip(text);
            switch (text)
            {
                case IInvocationOperation { Instance: { } instance } call when IsStringDerivation(call):
                    text = instance;
                    continue;
                case IArrayElementReferenceOperation element when _locals.Resolve(element.ArrayReference) is IInvocationOperation { TargetMethod.Name: "Split", Instance: { } whole }:
                    text = whole;
                    continue;
                case IPropertyReferenceOperation { Property.Name: "Message", Instance: { } reply } when IsFtpReply(reply.Type):
                    return LocalDefinitions.Strip(reply);
                case ILocalReferenceOperation local when _locals.SingleValue(local.Local) is { } value && IsDerivedText(value):
                    text = value;
                    continue;
            }
            return text;
        }
        return text;
    }

    private bool IsDerivedText(IOperation value)
    {
        value = LocalDefinitions.Strip(value);
        return value is IInvocationOperation call && IsStringDerivation(call)
            || value is IArrayElementReferenceOperation element && _locals.Resolve(element.ArrayReference) is IInvocationOperation { TargetMethod.Name: "Split" }
            || value is IPropertyReferenceOperation { Property.Name: "Message", Instance: { } reply } && IsFtpReply(reply.Type);
    }

    private static bool IsStringDerivation(IInvocationOperation call)
        => call.Instance is not null
        && (call.TargetMethod.ContainingType.SpecialType == SpecialType.System_String && StringManipulations.Contains(call.TargetMethod.Name)
            || call.TargetMethod.Name == "ToString" && call.Arguments.Length == 0 && IsFtpReply(call.Instance.Type));

    public static bool IsFtpReply(ITypeSymbol? type)
        => type is { Name: "FtpReply", ContainingNamespace: { Name: "Ftp", ContainingNamespace.IsGlobalNamespace: true } };

    // ---- the advertised host (FTP0007) ----------------------------------------------------

    /// <summary>
    /// The parse whose first four numbers <paramref name="operation"/> is built from: joined with
    /// dots (string.Join, concatenation, interpolation, Format, Replace(',', '.')), turned into an
    /// IPAddress (Parse, TryParse, new IPAddress(bytes)). Null when it is anything else.
    /// </summary>
    public ReplySource? AdvertisedHost(IOperation operation)
    {
        var value = _locals.Resolve(operation);
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (value is IInvocationOperation { TargetMethod.Name: "Parse" or "TryParse" } parse
                && parse.TargetMethod.ContainingType is { Name: "IPAddress" } && parse.Arguments.Length > 0)
            {
                value = _locals.Resolve(ArgumentInSourceOrder(parse, 0));
                continue;
            }
            if (value is IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance }
                && instance.Type is { Name: "IPAddress" })
            {
                value = _locals.Resolve(instance);
                continue;
            }
            break;
        }

        var source = value switch
        {
            IPropertyReferenceOperation { Property.Name: "AdvertisedAddress" } advertised when IsPassiveEndpoint(advertised.Property.ContainingType) => AdvertisedAddressSource(advertised),
            IInvocationOperation { TargetMethod.Name: "Join" } join when join.TargetMethod.ContainingType.SpecialType == SpecialType.System_String => JoinedHost(join),
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

    private static bool IsPassiveEndpoint(ITypeSymbol? type)
        => type is { Name: "PassiveEndpoint", ContainingNamespace: { Name: "Ftp", ContainingNamespace.IsGlobalNamespace: true } };

    private ReplySource? JoinedHost(IInvocationOperation join)
    {
        if (join.Arguments.Length < 2 || ArgumentInSourceOrder(join, 0).ConstantValue.Value is not ("." or '.'))
            return null;
        var values = ArgumentInSourceOrder(join, 1);
        // string.Join(".", parts, 0, 4)
        if (join.Arguments.Length == 4 && ArgumentInSourceOrder(join, 2).ConstantValue.Value is 0 && ArgumentInSourceOrder(join, 3).ConstantValue.Value is 4)
            return ClassifyStringArray(values);
        // string.Join(".", parts.Take(4)) or string.Join(".", nums.Take(4))
        if (_locals.Resolve(values) is IInvocationOperation { TargetMethod.Name: "Take", Arguments.Length: 2 } take
            && take.Arguments[1].Value.ConstantValue.Value is 4)
        {
            var taken = take.Arguments[0].Value;
            if (ClassifyStringArray(taken) is { } split)
                return split;
            if (LocalDefinitions.Strip(taken) is ILocalReferenceOperation local && LoopCollected.ContainsKey(local.Local))
                return DigitLoopSource(local.Local);
            return ParsedNumbersSource(_locals.Resolve(taken));
        }
        // string.Join(".", m.Groups["host"].Value.Split(',')): the host group of a six-number pattern
        if (join.Arguments.Length == 2 && ClassifyStringArray(values) is { SixNumberPattern: true } group)
            return group;
        // string.Join(".", parts[0], parts[1], parts[2], parts[3]): a params array, or a params span (C# 13)
        return Elements(values) is { } elements ? FourParts(elements) : null;
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
        var value = _locals.Resolve(bytes);
        if (Elements(value) is { } elements)
            return FourParts(elements);
        if (value is IInvocationOperation { TargetMethod.Name: "ToArray", Arguments.Length: 1 } toArray)
        {
            var inner = _locals.Resolve(toArray.Arguments[0].Value);
            for (var depth = 0; depth < 4 && inner is IInvocationOperation { TargetMethod.Name: "Select" or "Cast", Arguments.Length: >= 1 } select; depth++)
                inner = _locals.Resolve(select.Arguments[0].Value);
            if (inner is IInvocationOperation { TargetMethod.Name: "Take", Arguments.Length: 2 } take && take.Arguments[1].Value.ConstantValue.Value is 4)
            {
                var taken = take.Arguments[0].Value;
                if (LocalDefinitions.Strip(taken) is ILocalReferenceOperation local && LoopCollected.ContainsKey(local.Local))
                    return DigitLoopSource(local.Local);
                return ClassifyStringArray(taken) ?? ParsedNumbersSource(_locals.Resolve(taken));
            }
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

    // ---- helpers ---------------------------------------------------------------------------

    /// <summary>What a parse looks for in its text, found by walking it and the locals it reads.</summary>
    private TextWalk Walk(IOperation root)
    {
        var walk = new TextWalk();
        var visited = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IOperation>();
        pending.Push(root);
        var budget = 4000;
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var operation in current.DescendantsAndSelf())
            {
                if (budget-- <= 0)
                    return walk;
                switch (operation)
                {
                    case ILocalReferenceOperation local when visited.Add(local.Local):
                        foreach (var value in _locals.AllValues(local.Local))
                            pending.Push(value);
                        break;
                    case IInvocationOperation invocation:
                        Inspect(invocation, ref walk);
                        break;
                }
            }
        }
        return walk;
    }

    private static void Inspect(IInvocationOperation invocation, ref TextWalk walk)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType.SpecialType != SpecialType.System_String)
            return;
        switch (method.Name)
        {
            case "IndexOf" or "LastIndexOf" or "IndexOfAny" or "Split" or "Trim" or "TrimStart" or "TrimEnd" or "Replace":
                foreach (var argument in invocation.Arguments)
                {
                    foreach (var operation in argument.Value.DescendantsAndSelf())
                    {
                        if (operation.ConstantValue is { HasValue: true, Value: '(' or ')' or "(" or ")" or " (" or "(|" })
                            walk.HasParenthesis = true;
                    }
                }
                break;
            case "Substring" or "Remove" when invocation.Arguments.Length > 0:
                if (ArgumentInSourceOrder(invocation, 0).ConstantValue.Value is 26 or 27)
                    walk.HasFixedOffset = true;
                break;
        }
    }

    private struct TextWalk
    {
        public bool HasParenthesis;
        public bool HasFixedOffset;
    }

    private static IOperation ArgumentInSourceOrder(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
                return argument.Value;
        }
        return invocation.Arguments[ordinal].Value;
    }

    private static int? ConstantIndex(IOperation? index)
        => index?.ConstantValue is { HasValue: true, Value: int value } ? value : null;

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

    private static bool IsRegexType(ITypeSymbol? type, string name) => RegexCall.IsRegexType(type, name);
}
