using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FtpAnalyzers.PassiveReply;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpAnalyzers.CodeFixes.PassiveReply;

/// <summary>
/// Rebuilds, for a fixer, the view the analyzers had: the operation blocks of the member that
/// contains a diagnostic, and the <see cref="PassiveReplyCode"/> over them.
/// </summary>
internal static class MemberOperations
{
    public static PassiveReplyCode? Analyze(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken, out MemberDeclarationSyntax? member)
    {
        member = node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not BaseTypeDeclarationSyntax and not NamespaceDeclarationSyntax);
        if (member is null)
            return null;

        ISymbol? owner = member is BaseFieldDeclarationSyntax field
            ? field.Declaration.Variables.Where(v => v.Span.Contains(node.Span)).Select(v => model.GetDeclaredSymbol(v, cancellationToken)).FirstOrDefault()
            : model.GetDeclaredSymbol(member, cancellationToken);
        if (owner is null)
            return null;

        var blocks = new List<IOperation>();
        foreach (var root in BlockRoots(member))
        {
            if (root is not null && model.GetOperation(root, cancellationToken) is { } operation)
                blocks.Add(operation);
        }
        return PassiveReplyCode.Create(owner, blocks);
    }

    private static IEnumerable<SyntaxNode?> BlockRoots(MemberDeclarationSyntax member)
    {
        switch (member)
        {
            case BaseMethodDeclarationSyntax method:
                yield return method.Body;
                yield return method.ExpressionBody;
                break;
            case BasePropertyDeclarationSyntax property:
                if (property is PropertyDeclarationSyntax { ExpressionBody: { } arrow })
                    yield return arrow;
                if (property is PropertyDeclarationSyntax { Initializer: { } initializer })
                    yield return initializer;
                if (property is IndexerDeclarationSyntax { ExpressionBody: { } indexerArrow })
                    yield return indexerArrow;
                foreach (var accessor in property.AccessorList?.Accessors ?? default)
                {
                    yield return accessor.Body;
                    yield return accessor.ExpressionBody;
                }
                break;
            case BaseFieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables)
                    yield return variable.Initializer;
                break;
        }
    }
}
