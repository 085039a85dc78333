using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FtpAnalyzers.CodeFixes.Sequence;

/// <summary>
/// Moves and inserts statements within a statement list, keeping the document's layout: a moved
/// statement takes its comments with it; statements put before an anchor come after the anchor's
/// own comments, at its indentation, with the document's line ending. An anchor written without
/// braces (<c>foreach (…) c.Retr(f, s);</c>) becomes a block, laid out by the formatter.
/// </summary>
internal static class StatementEditor
{
    /// <summary>
    /// Puts <paramref name="before"/> (new statements, or statements of the same list, which are
    /// then moved) right before <paramref name="anchor"/>, and deletes <paramref name="deleted"/>.
    /// </summary>
    public static SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax anchor, IReadOnlyList<StatementSyntax> before, IReadOnlyList<StatementSyntax>? deleted = null)
    {
        var existing = before.Where(s => s.SyntaxTree == anchor.SyntaxTree && root.FullSpan.Contains(s.FullSpan) && s.Parent is not null).ToList();
        var removed = existing.Concat(deleted ?? new StatementSyntax[0]).ToList();
        var endOfLine = EndOfLine(root);

        List<StatementSyntax> prepared;
        StatementSyntax newAnchor;
        var embedded = !StatementLists.IsInList(anchor);
        if (embedded)
        {
            prepared = before.Select(s => s.WithoutTrivia().WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker)).ToList();
            newAnchor = anchor;
        }
        else if (StartsLine(anchor))
        {
            var (head, indentation) = SplitLeading(anchor.GetLeadingTrivia());
            prepared = new List<StatementSyntax>();
            for (var i = 0; i < before.Count; i++)
            {
                var statement = before[i];
                var own = existing.Contains(statement)
                    ? WithoutLeadingBlankLines(statement.GetLeadingTrivia())
                    : indentation;
                var leading = i == 0 ? head.AddRange(own) : own;
                var trailing = existing.Contains(statement) ? EndingWithNewLine(statement.GetTrailingTrivia(), endOfLine) : SyntaxFactory.TriviaList(endOfLine);
                prepared.Add(statement.WithLeadingTrivia(leading).WithTrailingTrivia(trailing));
            }

            newAnchor = anchor.WithLeadingTrivia(indentation);
        }
        else
        {
            prepared = before.Select(s => s.WithLeadingTrivia(anchor.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space)).ToList();
            newAnchor = anchor;
        }

        var anchorElement = StatementLists.Element(anchor);
        var keptBlankLines = BlankLinesToKeep(removed, anchor);
        root = root.TrackNodes(removed.Concat(keptBlankLines.Keys).Select(StatementLists.Element).Append(anchorElement));
        root = Remove(root, removed, keptBlankLines);

        var currentAnchor = root.GetCurrentNode(anchorElement)!;
        if (embedded)
        {
            var block = SyntaxFactory.Block(prepared.Append(anchor.WithoutTrivia().WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker)))
                .WithLeadingTrivia(anchor.GetLeadingTrivia())
                .WithTrailingTrivia(anchor.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            return root.ReplaceNode(currentAnchor, block);
        }

        var elements = prepared.Append(newAnchor).Select(s => anchorElement is GlobalStatementSyntax ? (SyntaxNode)SyntaxFactory.GlobalStatement(s) : s);
        return root.ReplaceNode(currentAnchor, elements);
    }

    /// <summary>Replaces <paramref name="old"/> with <paramref name="replacement"/> and deletes <paramref name="deleted"/> (with their comments).</summary>
    public static SyntaxNode ReplaceAndDelete(SyntaxNode root, SyntaxNode old, SyntaxNode replacement, IReadOnlyList<StatementSyntax> deleted)
    {
        var keptBlankLines = BlankLinesToKeep(deleted, anchor: null);
        root = root.TrackNodes(deleted.Concat(keptBlankLines.Keys).Select(StatementLists.Element).Append(old));
        root = root.ReplaceNode(root.GetCurrentNode(old)!, replacement);
        return Remove(root, deleted, keptBlankLines);
    }

    /// <summary>
    /// A removed statement's leading blank lines separate paragraphs: they stay where they were,
    /// on the statement that follows it (unless that one moves or is the anchor).
    /// </summary>
    private static Dictionary<StatementSyntax, SyntaxTriviaList> BlankLinesToKeep(IReadOnlyList<StatementSyntax> removed, StatementSyntax? anchor)
    {
        var kept = new Dictionary<StatementSyntax, SyntaxTriviaList>();
        foreach (var statement in removed)
        {
            var blankLines = LeadingBlankLines(statement.GetLeadingTrivia());
            var siblings = StatementLists.Siblings(statement);
            var index = StatementLists.IndexOf(siblings, statement);
            if (blankLines.Count > 0 && index + 1 < siblings.Count && siblings[index + 1] != anchor && !removed.Contains(siblings[index + 1]))
                kept[siblings[index + 1]] = blankLines;
        }

        return kept;
    }

    /// <summary>Removes tracked statements with their trivia, then gives the kept blank lines to their followers.</summary>
    private static SyntaxNode Remove(SyntaxNode root, IReadOnlyList<StatementSyntax> removed, Dictionary<StatementSyntax, SyntaxTriviaList> keptBlankLines)
    {
        foreach (var statement in removed)
        {
            if (root.GetCurrentNode(StatementLists.Element(statement)) is { } current)
                root = root.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        foreach (var next in keptBlankLines)
        {
            if (root.GetCurrentNode(StatementLists.Element(next.Key)) is { } current)
                root = root.ReplaceNode(current, current.WithLeadingTrivia(next.Value.AddRange(current.GetLeadingTrivia())));
        }

        return root;
    }

    /// <summary>True when nothing but whitespace comes before the statement on its line.</summary>
    private static bool StartsLine(StatementSyntax statement)
    {
        if (statement.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            return true;
        var previous = statement.GetFirstToken().GetPreviousToken();
        return previous.IsKind(SyntaxKind.None) || previous.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
    }

    /// <summary>The leading trivia up to its last line break (comments, blank lines), and the indentation after it.</summary>
    private static (SyntaxTriviaList Head, SyntaxTriviaList Indentation) SplitLeading(SyntaxTriviaList leading)
    {
        var lastBreak = -1;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].HasStructure)
                lastBreak = i;
        }

        var head = SyntaxFactory.TriviaList(leading.Take(lastBreak + 1));
        var indentation = SyntaxFactory.TriviaList(leading.Skip(lastBreak + 1).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
        return (head, indentation);
    }

    private static SyntaxTriviaList WithoutLeadingBlankLines(SyntaxTriviaList leading)
        => SyntaxFactory.TriviaList(leading.Skip(LeadingBlankLines(leading).Count));

    /// <summary>The whitespace and line breaks that make the blank lines before a statement's comments or first token.</summary>
    private static SyntaxTriviaList LeadingBlankLines(SyntaxTriviaList leading)
    {
        var start = 0;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                start = i + 1;
            else if (!leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                break;
        }

        return SyntaxFactory.TriviaList(leading.Take(start));
    }

    private static SyntaxTriviaList EndingWithNewLine(SyntaxTriviaList trailing, SyntaxTrivia endOfLine)
        => trailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ? trailing : trailing.Add(endOfLine);

    /// <summary>The document's line ending (the first one found), or CRLF/LF as elastic trivia when it has none.</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        var first = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return first.IsKind(SyntaxKind.EndOfLineTrivia) ? first : SyntaxFactory.ElasticCarriageReturnLineFeed;
    }
}
