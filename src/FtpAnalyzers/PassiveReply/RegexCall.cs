using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// A call to Regex.Match or Regex.Matches, static or on an instance, bound or not. When the input
/// is unresolved (reply.Message of a reply class defined elsewhere in the project, a file compiled
/// alone as while typing), the compiler leaves the call invalid but still gives it the candidate's
/// result type (Match): the call is then read from its syntax, its operands from its children.
/// </summary>
internal sealed class RegexCall
{
    private RegexCall(IOperation operation, IOperation? instance, IOperation? input, string? pattern)
    {
        Operation = operation;
        Instance = instance;
        Input = input;
        Pattern = pattern;
    }

    /// <summary>The call itself: what identifies the parse.</summary>
    public IOperation Operation { get; }

    /// <summary>The Regex the call is made on, for an instance call.</summary>
    public IOperation? Instance { get; }

    /// <summary>The text matched.</summary>
    public IOperation? Input { get; }

    /// <summary>The pattern of a static call, when a constant.</summary>
    public string? Pattern { get; }

    /// <summary>The call <paramref name="value"/> is, when it is Regex.<paramref name="name"/>("Match" or "Matches").</summary>
    public static RegexCall? From(IOperation value, string name)
    {
        if (value is IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.Name != name || !IsRegexType(invocation.TargetMethod.ContainingType, "Regex"))
                return null;
            IOperation? input = null;
            string? pattern = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "input")
                    input = argument.Value;
                else if (argument.Parameter?.Name == "pattern")
                    pattern = argument.Value.ConstantValue.Value as string;
            }
            return new RegexCall(invocation, invocation.Instance, input, pattern);
        }

        if (value is IInvalidOperation invalid
            && IsRegexType(invalid.Type, name == "Match" ? "Match" : "MatchCollection")
            && invalid.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: var arguments }
            && access.Name.Identifier.ValueText == name)
        {
            IOperation? instance = null;
            IOperation? first = null, second = null;
            foreach (var child in invalid.ChildOperations)
            {
                // The type name of a static call is an operation of kind None, typed Regex too.
                if (child.Syntax == access.Expression)
                    instance = child.Kind != OperationKind.None && IsRegexType(child.Type, "Regex") ? child : null;
                else if (arguments.Count > 0 && child.Syntax == arguments[0].Expression)
                    first = child;
                else if (arguments.Count > 1 && child.Syntax == arguments[1].Expression)
                    second = child;
            }
            return instance is not null
                ? new RegexCall(invalid, instance, first, null)
                : new RegexCall(invalid, null, first, second?.ConstantValue.Value as string);
        }
        return null;
    }

    public static bool IsRegexType(ITypeSymbol? type, string name)
        => type is { } t && t.Name == name
        && t.ContainingNamespace is { Name: "RegularExpressions", ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System" } } };
}
