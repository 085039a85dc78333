using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// A call on a receiver whose type is not resolved (<c>_response.Text.Split(',')</c> in a file
/// compiled alone, FtpResponse being in another file): the compiler gives an invalid operation, so
/// its name and arguments are read from its syntax, its receiver and arguments from its children.
/// </summary>
internal sealed class TextCall
{
    private TextCall(string name, IOperation? instance, IReadOnlyList<IOperation> arguments)
    {
        Name = name;
        Instance = instance;
        Arguments = arguments;
    }

    public string Name { get; }

    public IOperation? Instance { get; }

    public IReadOnlyList<IOperation> Arguments { get; }

    public static TextCall? From(IInvalidOperation invalid)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
            return null;
        IOperation? instance = null;
        var arguments = new List<IOperation>(call.ArgumentList.Arguments.Count);
        foreach (var child in invalid.ChildOperations)
        {
            var value = child is IArgumentOperation argument ? argument.Value : child;
            if (child.Syntax == access.Expression)
            {
                instance = child;
                continue;
            }
            foreach (var syntax in call.ArgumentList.Arguments)
            {
                if (child.Syntax == syntax || child.Syntax == syntax.Expression)
                {
                    arguments.Add(value);
                    break;
                }
            }
        }
        return new TextCall(access.Name.Identifier.ValueText, instance, arguments);
    }
}
