using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// The port arithmetic: which integer expressions combine a high and a low byte into a port
/// (<c>p1 * 256 + p2</c>, <c>(p1 &lt;&lt; 8) | p2</c>, <c>p1 * 0x100 + p2</c>, a local built in two steps), and
/// whether both bytes are numbers of one parse.
/// </summary>
internal sealed partial class PassiveReplyCode
{
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
}
