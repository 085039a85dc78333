using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// Signs in one member that the text it parses is a 227 reply: a "227" comparison, Code == 227,
/// "PASV" or "Passive" in a literal, a call to Pasv(), a member named after PASV. Server code
/// mentions PASV while parsing the PORT argument, so in a member that looks like a server — a
/// "PORT" or "PASV" case or comparison (a command dispatcher), or a reply it writes ("200 PORT
/// command successful": servers build replies, clients compare them) — these signs count for nothing.
/// </summary>
internal static class PassiveReplyEvidence
{
    public static bool Find(ISymbol owner, IReadOnlyList<IOperation> operations)
    {
        var evidence = MentionsPassive(owner.Name);
        if (owner is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
                evidence |= MentionsPassive(parameter.Name);
        }

        foreach (var operation in operations)
        {
            switch (operation)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal:
                    if (IsCommandName(text) ? IsRecognized(literal) : IsReplyText(text) && !IsRecognized(literal))
                        return false;
                    evidence |= IsPassiveLiteral(text, literal);
                    break;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: 227 } } code:
                    evidence |= IsRecognized(code) || code.Parent is IArgumentOperation;
                    break;
                case IInvocationOperation invocation:
                    evidence |= MentionsPassive(invocation.TargetMethod.Name);
                    break;
                case ILocalFunctionOperation localFunction:
                    evidence |= MentionsPassive(localFunction.Symbol.Name);
                    break;
            }
        }
        return evidence;
    }

    private static bool MentionsPassive(string name)
        => name.IndexOf("pasv", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("passive", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Starts like a reply line: three digits, then a space or a hyphen.</summary>
    private static bool IsReplyText(string text)
        => text.Length >= 4 && char.IsDigit(text[0]) && char.IsDigit(text[1]) && char.IsDigit(text[2]) && text[3] is ' ' or '-';

    private static bool IsCommandName(string text)
    {
        var trimmed = text.Trim();
        return string.Equals(trimmed, "PORT", StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, "PASV", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A literal that mentions PASV is evidence unless it builds a 227 reply ("227 Entering Passive
    /// Mode (" + …): only a server writes those, and it parses no 227.
    /// </summary>
    private static bool IsPassiveLiteral(string text, ILiteralOperation literal)
    {
        if (text.TrimStart().StartsWith("227", StringComparison.Ordinal))
            return IsRecognized(literal);
        return MentionsPassive(text);
    }

    /// <summary>The literal is compared with something: ==, a case label, StartsWith/Equals/Contains.</summary>
    private static bool IsRecognized(IOperation literal)
    {
        var parent = literal.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
            parent = parent.Parent;
        switch (parent)
        {
            case IBinaryOperation binary:
                return binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                    or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;
            case ISingleValueCaseClauseOperation or IConstantPatternOperation or IRelationalPatternOperation:
                return true;
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return invocation.TargetMethod.Name is "StartsWith" or "Equals" or "Contains" or "IndexOf" or "EndsWith";
            default:
                return false;
        }
    }
}
