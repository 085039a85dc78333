using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>One input: where it came from (enough to rebuild it) and its text.</summary>
internal sealed record MutatedInput(string Description, string Text);

/// <summary>
/// Breaks real code the way typing does: tokens deleted or replaced, text cut off, blocks
/// duplicated, braces unbalanced, statements swapped, lines deleted. Deterministic for a seed.
/// </summary>
internal static class Mutator
{
    public static IEnumerable<MutatedInput> Truncations(string name, string text, int step)
    {
        for (var length = step; length < text.Length; length += step)
            yield return new MutatedInput($"{name} truncated to {length} characters", text.Substring(0, length));
    }

    /// <summary>One to three random mutations in a row, chosen by <paramref name="random"/>.</summary>
    public static MutatedInput Random(string name, string text, Random random)
    {
        var steps = new List<string>();
        var count = random.Next(3) == 0 ? random.Next(2, 4) : 1;
        for (var step = 0; step < count; step++)
        {
            var (description, mutated) = random.Next(7) switch
            {
                0 => DeleteTokens(text, random),
                1 => ReplaceToken(text, random),
                2 => DuplicateNode(text, random),
                3 => UnbalanceBrackets(text, random),
                4 => SwapStatements(text, random),
                5 => DeleteLines(text, random),
                _ => Truncate(text, random),
            };
            steps.Add(description);
            text = mutated;
        }
        return new MutatedInput($"{name}: {string.Join(", then ", steps)}", text);
    }

    /// <summary>Only mutations that can leave the code compiling: statements swapped or duplicated.</summary>
    public static MutatedInput Reordering(string name, string text, Random random)
    {
        var (description, mutated) = random.Next(2) == 0 ? SwapStatements(text, random) : DuplicateNode(text, random);
        return new MutatedInput($"{name}: {description}", mutated);
    }

    private static (string, string) DeleteTokens(string text, Random random)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
            return ("nothing to delete", text);
        var doomed = Enumerable.Range(0, random.Next(1, 4)).Select(_ => tokens[random.Next(tokens.Count)].Span).Distinct().OrderByDescending(span => span.Start).ToList();
        var builder = new StringBuilder(text);
        foreach (var span in doomed)
            builder.Remove(span.Start, span.Length);
        return ($"deleted tokens at {string.Join("/", doomed.Select(span => span.Start))}", builder.ToString());
    }

    private static (string, string) ReplaceToken(string text, Random random)
    {
        var tokens = Tokens(text);
        if (tokens.Count < 2)
            return ("nothing to replace", text);
        var target = tokens[random.Next(tokens.Count)];
        var replacement = tokens[random.Next(tokens.Count)].Text;
        return ($"replaced token at {target.SpanStart} by '{replacement}'", text.Remove(target.SpanStart, target.Span.Length).Insert(target.SpanStart, replacement));
    }

    private static (string, string) DuplicateNode(string text, Random random)
    {
        var nodes = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes()
            .Where(node => node is StatementSyntax or MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
            .ToList();
        if (nodes.Count == 0)
            return ("nothing to duplicate", text);
        var node = nodes[random.Next(nodes.Count)];
        return ($"duplicated the {node.Kind()} at {node.SpanStart}", text.Insert(node.FullSpan.End, node.ToFullString()));
    }

    private static (string, string) UnbalanceBrackets(string text, Random random)
    {
        var brackets = "{}()[]<>\"";
        var position = random.Next(text.Length + 1);
        if (random.Next(2) == 0)
        {
            var bracket = brackets[random.Next(brackets.Length)];
            return ($"inserted '{bracket}' at {position}", text.Insert(position, bracket.ToString()));
        }
        var existing = Enumerable.Range(0, text.Length).Where(index => brackets.IndexOf(text[index]) >= 0).ToList();
        if (existing.Count == 0)
            return ("no bracket to delete", text);
        var removed = existing[random.Next(existing.Count)];
        return ($"deleted '{text[removed]}' at {removed}", text.Remove(removed, 1));
    }

    private static (string, string) SwapStatements(string text, Random random)
    {
        var blocks = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<BlockSyntax>().Where(block => block.Statements.Count >= 2).ToList();
        if (blocks.Count == 0)
            return ("no statements to swap", text);
        var statements = blocks[random.Next(blocks.Count)].Statements;
        var first = random.Next(statements.Count - 1);
        var (a, b) = (statements[first], statements[first + 1]);
        var swapped = text.Substring(0, a.FullSpan.Start) + b.ToFullString() + a.ToFullString() + text.Substring(b.FullSpan.End);
        return ($"swapped the statements at {a.SpanStart} and {b.SpanStart}", swapped);
    }

    private static (string, string) DeleteLines(string text, Random random)
    {
        var lines = SourceText.From(text).Lines;
        var first = random.Next(lines.Count);
        var last = Math.Min(lines.Count - 1, first + random.Next(5));
        var span = TextSpan.FromBounds(lines[first].Start, lines[last].EndIncludingLineBreak);
        return ($"deleted lines {first + 1}-{last + 1}", text.Remove(span.Start, span.Length));
    }

    private static (string, string) Truncate(string text, Random random)
    {
        var length = random.Next(text.Length + 1);
        return ($"truncated to {length} characters", text.Substring(0, length));
    }

    private static List<SyntaxToken> Tokens(string text)
        => CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(token => token.Span.Length > 0).ToList();
}
