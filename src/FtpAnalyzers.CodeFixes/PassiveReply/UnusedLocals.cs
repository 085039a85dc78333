using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpAnalyzers.CodeFixes.PassiveReply;

/// <summary>
/// Removes the local declarations a fix left unused: only locals the removed code read (and,
/// in turn, the locals their initializers read), only single-variable declarations, and only
/// when the initializer is made of string slicing, number parsing and arithmetic — code whose
/// only effect is its value (or an exception the new code throws too, FormatException).
/// </summary>
internal static class UnusedLocals
{
    private static readonly HashSet<string> ValueOnlyMethods = new()
    {
        "Substring", "Remove", "Trim", "TrimStart", "TrimEnd", "Replace", "Split", "IndexOf", "LastIndexOf",
        "IndexOfAny", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant", "Parse", "ToInt32",
        "ToByte", "ToInt16", "ToUInt16", "ToInt64", "Match", "Select", "ToArray", "ToList", "ConvertAll",
        "Take", "Join", "Format", "Concat", "ToString",
    };

    public static SyntaxNode Remove(SyntaxNode member, IEnumerable<string> candidates)
    {
        var pending = new Queue<string>(candidates.Distinct());
        var tried = new HashSet<string>();
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (!tried.Add(name))
                continue;
            var declarations = member.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
                .Where(d => d.Declaration.Variables.Any(v => v.Identifier.ValueText == name)).ToList();
            if (declarations.Count != 1 || declarations[0] is not { Declaration.Variables.Count: 1 } declaration
                || declaration.Declaration.Variables[0].Initializer is not { Value: var initializer }
                || declaration.Modifiers.Any(m => !m.IsKind(SyntaxKind.ConstKeyword))
                || declaration.Parent is not BlockSyntax)
                continue;
            if (IsReferenced(member, name, declaration) || !HasOnlyValue(initializer))
                continue;
            var read = initializer.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText).ToList();
            member = member.RemoveNode(declaration, SyntaxRemoveOptions.KeepNoTrivia)!;
            foreach (var next in read)
            {
                tried.Remove(next);
                pending.Enqueue(next);
            }
        }
        return member;
    }

    private static bool IsReferenced(SyntaxNode member, string name, SyntaxNode declaration)
        => member.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name && !declaration.FullSpan.Contains(t.Span))
        || declaration.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name);

    private static bool HasOnlyValue(ExpressionSyntax initializer)
    {
        foreach (var node in initializer.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        _ => null,
                    };
                    if (name is null || !ValueOnlyMethods.Contains(name))
                        return false;
                    break;
                case AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or AwaitExpressionSyntax
                    or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or DeclarationExpressionSyntax:
                    return false;
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    return false;
            }
        }
        return true;
    }
}
