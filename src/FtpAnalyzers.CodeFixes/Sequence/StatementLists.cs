using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpAnalyzers.CodeFixes.Sequence;

/// <summary>
/// Statement lists: a block's statements, a switch section's, or a file's top-level statements.
/// The fixes move and insert statements only within one such list.
/// </summary>
internal static class StatementLists
{
    /// <summary>
    /// The innermost statement containing <paramref name="node"/>, or null when a lambda, a local
    /// function or a member boundary comes first (code that does not run where it is written).
    /// </summary>
    public static StatementSyntax? EnclosingStatement(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax and not GlobalStatementSyntax:
                    return null;
                case StatementSyntax statement:
                    return statement;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="node"/> is in the condition or the incrementors of a while, do or
    /// for loop: code put before the loop would run once, the call on every iteration.
    /// </summary>
    public static bool IsEvaluatedRepeatedly(StatementSyntax loop, SyntaxNode node)
        => loop switch
        {
            WhileStatementSyntax @while => @while.Condition.Span.Contains(node.Span),
            DoStatementSyntax @do => @do.Condition.Span.Contains(node.Span),
            ForStatementSyntax @for => (@for.Condition?.Span.Contains(node.Span) ?? false) || @for.Incrementors.Any(i => i.Span.Contains(node.Span)),
            _ => false,
        };

    public static bool IsInList(StatementSyntax statement)
        => statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax;

    /// <summary>The body of an if, else, loop, using, lock or fixed written without braces.</summary>
    public static bool IsEmbedded(StatementSyntax statement)
        => statement is not (LocalDeclarationStatementSyntax or LabeledStatementSyntax or LocalFunctionStatementSyntax)
        && statement.Parent is IfStatementSyntax or ElseClauseSyntax or CommonForEachStatementSyntax or ForStatementSyntax
            or WhileStatementSyntax or DoStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax;

    public static IReadOnlyList<StatementSyntax> Siblings(StatementSyntax statement)
        => statement.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList(),
            _ => new[] { statement },
        };

    public static int IndexOf(IReadOnlyList<StatementSyntax> list, StatementSyntax statement)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == statement)
                return i;
        }

        return -1;
    }

    /// <summary>The node that sits in the list itself: the statement, or its global-statement wrapper.</summary>
    public static SyntaxNode Element(StatementSyntax statement)
        => statement.Parent is GlobalStatementSyntax global ? global : statement;

    public static IEnumerable<StatementSyntax> Range(IReadOnlyList<StatementSyntax> list, int first, int last)
    {
        for (var i = first; i <= last; i++)
            yield return list[i];
    }
}
