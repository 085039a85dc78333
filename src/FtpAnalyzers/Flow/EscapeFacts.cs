using System.Collections.Generic;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Flow;

/// <summary>
/// What code can do to connections it does not name, asked the same way by the graph analysis
/// (<see cref="ConnectionFlowAnalysis"/>) and by <see cref="CleanMemberProof"/>, whose claim rests
/// on both applying the same effects.
/// </summary>
internal static class EscapeFacts
{
    private static readonly HashSet<string> NoNames = new();

    /// <summary>Every identifier used in a lambda or local function: a superset of the variables it captures.</summary>
    public static IReadOnlyCollection<string> NamesUsedIn(SyntaxNode function)
    {
        HashSet<string>? names = null;
        foreach (var node in function.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier)
                (names ??= new HashSet<string>()).Add(identifier.Identifier.ValueText);
        }

        return (IReadOnlyCollection<string>?)names ?? NoNames;
    }

    /// <summary>A method of this compilation: it may use the connections held in static fields.</summary>
    public static bool IsInSource(IMethodSymbol method)
    {
        foreach (var location in method.Locations)
        {
            if (location.IsInSource)
                return true;
        }

        return false;
    }

    /// <summary>
    /// A call in a finally block that may change a connection (a command, a local function, a call
    /// on or with a connection), which makes what follows the block unknown; a Dispose does not.
    /// </summary>
    public static bool MayChangeConnectionInFinally(IInvocationOperation invocation, FtpSymbols symbols)
    {
        if (invocation.TargetMethod.Name is "Dispose" or "DisposeAsync")
            return false;
        if (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction
            || symbols.GetCommand(invocation) is not null
            || symbols.IsConnection(invocation.Instance?.Type))
            return true;
        foreach (var argument in invocation.Arguments)
        {
            if (symbols.IsConnection(argument.Value.Type))
                return true;
        }

        return false;
    }
}
