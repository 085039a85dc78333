using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// The operation trees of one code block (a method, accessor, constructor, field or property
/// initializer), asked of the semantic model only once <see cref="SyntaxScreen"/> let it through:
/// a code-block action costs nothing per member, an operation-block action builds every tree.
/// </summary>
internal static class CodeBlockOperations
{
    public static List<IOperation> Get(SemanticModel model, SyntaxNode codeBlock, CancellationToken cancellationToken)
    {
        var blocks = new List<IOperation>(1);
        // A method, accessor or constructor body, or an expression-bodied property's arrow clause.
        if (model.GetOperation(codeBlock, cancellationToken) is { } body)
        {
            blocks.Add(body);
            return blocks;
        }

        // A field, property or enum member: the code block is its declaration, the code its initializers.
        switch (codeBlock)
        {
            case BaseFieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables)
                    Add(variable.Initializer);
                break;
            case PropertyDeclarationSyntax property:
                Add(property.Initializer);
                break;
            case EnumMemberDeclarationSyntax member:
                Add(member.EqualsValue);
                break;
        }
        return blocks;

        void Add(EqualsValueClauseSyntax? initializer)
        {
            if (initializer is not null && model.GetOperation(initializer, cancellationToken) is { } operation)
                blocks.Add(operation);
        }
    }
}
