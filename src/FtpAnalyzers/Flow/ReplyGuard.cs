using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Flow;

/// <summary>
/// A branch condition that tests the reply code of one command: <c>c.Rnfr(a).Code != 350</c>,
/// <c>r.Code &gt;= 300</c>, <c>!r.IsPositiveIntermediate</c>, the comparisons a <c>switch</c> on
/// <c>r.Code</c> becomes. It says, for each side of the branch, whether the code that arms the
/// command (350 for RNFR, 331 for USER, 227 for PASV…) is still possible there: on a side where it
/// is not, the server refused the command and it armed nothing.
/// Understood: <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> against a constant,
/// <c>is</c> with a constant, <c>is not</c> a constant, <c>is &gt;= 400</c> and the other relational patterns, FtpReply's <c>IsPositiveCompletion</c>/<c>IsPositiveIntermediate</c>/
/// <c>IsPreliminary</c>/<c>IsTransientNegative</c>/<c>IsPermanentNegative</c>, and <c>!</c> of those;
/// <c>&amp;&amp;</c>, <c>||</c> and <c>switch</c> because the control-flow graph splits them into such tests.
/// </summary>
internal sealed class ReplyGuard
{
    private readonly Func<int, bool> _holdsFor;

    private ReplyGuard(IOperation reply, Func<int, bool> holdsFor)
    {
        Reply = reply;
        _holdsFor = holdsFor;
    }

    /// <summary>The expression whose reply is tested: a command call, or the local or capture holding its reply or its code.</summary>
    public IOperation Reply { get; }

    /// <summary>True when, on the side of the branch where the condition is <paramref name="conditionValue"/>, the reply cannot be <paramref name="code"/>.</summary>
    public bool Excludes(int code, bool conditionValue) => _holdsFor(code) != conditionValue;

    /// <summary>The guard a branch condition is, or null when it tests something else.</summary>
    public static ReplyGuard? Of(IOperation condition) => Parse(Unwrap(condition), negated: false);

    private static ReplyGuard? Parse(IOperation condition, bool negated)
    {
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Parse(Unwrap(not.Operand), !negated);
            case IBinaryOperation binary when Comparison(binary) is { } comparison:
                return Guard(comparison.Code, comparison.Holds, negated);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: int constant } } } pattern:
                return Guard(pattern.Value, code => code == constant, negated);
            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: int constant } } } } pattern:
                return Guard(pattern.Value, code => code != constant, negated);
            case IIsPatternOperation { Pattern: IRelationalPatternOperation { Value.ConstantValue: { HasValue: true, Value: int bound } } relational } pattern
                when Compare(relational.OperatorKind, bound, constantOnRight: true) is { } holds:
                return Guard(pattern.Value, holds, negated);
            case IPropertyReferenceOperation { Instance: { } reply } property when IsFtpReply(property.Property.ContainingType) && ClassOf(property.Property.Name) is { } holds:
                return new ReplyGuard(Unwrap(reply), negated ? code => !holds(code) : holds);
            default:
                return null;
        }
    }

    /// <summary>A guard on <paramref name="code"/>, when it is the Code of a reply (or a value holding it).</summary>
    private static ReplyGuard? Guard(IOperation code, Func<int, bool> holds, bool negated)
    {
        code = Unwrap(code);
        IOperation reply;
        if (code is IPropertyReferenceOperation { Property.Name: "Code", Instance: { } instance } property && IsFtpReply(property.Property.ContainingType))
            reply = Unwrap(instance);
        else if (code is IFlowCaptureReferenceOperation or ILocalReferenceOperation && code.Type?.SpecialType == SpecialType.System_Int32)
            reply = code;      // a switch's capture of r.Code, or int code = r.Code: resolved by the flow analysis
        else
            return null;
        return new ReplyGuard(reply, negated ? c => !holds(c) : holds);
    }

    private static (IOperation Code, Func<int, bool> Holds)? Comparison(IBinaryOperation binary)
    {
        if (Constant(binary.RightOperand) is { } right && Compare(binary.OperatorKind, right, constantOnRight: true) is { } holdsRight)
            return (binary.LeftOperand, holdsRight);
        if (Constant(binary.LeftOperand) is { } left && Compare(binary.OperatorKind, left, constantOnRight: false) is { } holdsLeft)
            return (binary.RightOperand, holdsLeft);
        return null;

        static int? Constant(IOperation operand)
            => Unwrap(operand).ConstantValue is { HasValue: true, Value: int value } ? value : null;
    }

    /// <summary>The comparison as a test of the code; null for an operator that is not a comparison.</summary>
    private static Func<int, bool>? Compare(BinaryOperatorKind kind, int constant, bool constantOnRight) => kind switch
    {
        BinaryOperatorKind.Equals => code => code == constant,
        BinaryOperatorKind.NotEquals => code => code != constant,
        BinaryOperatorKind.LessThan => constantOnRight ? code => code < constant : code => constant < code,
        BinaryOperatorKind.LessThanOrEqual => constantOnRight ? code => code <= constant : code => constant <= code,
        BinaryOperatorKind.GreaterThan => constantOnRight ? code => code > constant : code => constant > code,
        BinaryOperatorKind.GreaterThanOrEqual => constantOnRight ? code => code >= constant : code => constant >= code,
        _ => null,
    };

    private static Func<int, bool>? ClassOf(string property) => property switch
    {
        "IsPreliminary" => code => code is >= 100 and < 200,
        "IsPositiveCompletion" => code => code is >= 200 and < 300,
        "IsPositiveIntermediate" => code => code is >= 300 and < 400,
        "IsTransientNegative" => code => code is >= 400 and < 500,
        "IsPermanentNegative" => code => code is >= 500 and < 600,
        _ => null,
    };

    private static bool IsFtpReply(INamedTypeSymbol? type)
        => type is { Name: "FtpReply", ContainingNamespace: { Name: "Ftp", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>The operation under conversions, awaits and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }
}
