using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using FtpAnalyzers.Protocol;

namespace FtpAnalyzers.CodeFixes.Sequence;

/// <summary>
/// Base of the FTP0001-FTP0005 fixers: finds the command the diagnostic points at, asks the rule's
/// fixer for its edits, and offers only those that add no compiler error. Never throws.
/// </summary>
public abstract class SequenceFixer : CodeFixProvider
{
    /// <summary>
    /// Fix All applies the fixes of a document one after the other, each computed again on the
    /// code the previous ones produced: a batch of text edits would conflict where two fixes move
    /// statements next to each other, or move the same statement (two commands before one login).
    /// A fix whose conditions no longer hold after an earlier one is simply not applied.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        try
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
                return null;
            var annotations = new List<SyntaxAnnotation>();
            var invocations = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                    && invocation.Span == diagnostic.Location.SourceSpan && !invocations.ContainsKey(invocation))
                {
                    var annotation = new SyntaxAnnotation();
                    invocations[invocation] = annotation;
                    annotations.Add(annotation);
                }
            }

            var current = document.WithSyntaxRoot(root.ReplaceNodes(invocations.Keys, (original, _) => original.WithAdditionalAnnotations(invocations[original])));
            foreach (var annotation in annotations)
            {
                var currentRoot = await current.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var model = await current.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (currentRoot is null || model is null || FtpSymbols.TryCreate(model.Compilation) is not { } symbols
                    || currentRoot.GetAnnotatedNodes(annotation).OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { } invocation
                    || CommandSite.Create(current, currentRoot, model, symbols, invocation, AllowsEmbeddedStatements, context.CancellationToken) is not { } site)
                    continue;
                var fix = GetFixes(site, context.CancellationToken).FirstOrDefault(f => f.EquivalenceKey == context.CodeActionEquivalenceKey);
                if (fix is null)
                    continue;
                var fixedDocument = current.WithSyntaxRoot(fix.NewRoot);
                if (await AddsNoErrorAsync(model, fixedDocument, context.CancellationToken).ConfigureAwait(false))
                    current = fixedDocument;
            }

            return current;
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>True when the fixer can insert before an embedded statement (making it a block).</summary>
    private protected virtual bool AllowsEmbeddedStatements => false;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        try
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await CommandSite.FindAsync(context.Document, diagnostic, AllowsEmbeddedStatements, context.CancellationToken).ConfigureAwait(false) is not { } site)
                    continue;
                foreach (var fix in GetFixes(site, context.CancellationToken).ToList())
                {
                    var fixedDocument = site.Document.WithSyntaxRoot(fix.NewRoot);
                    if (await AddsNoErrorAsync(site.Model, fixedDocument, context.CancellationToken).ConfigureAwait(false))
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(fix.Title, _ => Task.FromResult(fixedDocument), fix.EquivalenceKey),
                            diagnostic);
                    }
                }
            }
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            // A fixer must never throw into the IDE; no fix is offered instead.
        }
    }

    private protected abstract IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken);

    private static async Task<bool> AddsNoErrorAsync(SemanticModel before, Document fixedDocument, CancellationToken cancellationToken)
    {
        var after = await fixedDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (after is null)
            return false;
        var errorsBefore = before.GetDiagnostics(null, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        var errorsAfter = after.GetDiagnostics(null, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        return errorsAfter <= errorsBefore;
    }
}

/// <summary>One fix: its title, its equivalence key, and the fixed syntax root.</summary>
internal sealed class SequenceFix
{
    public SequenceFix(string title, string equivalenceKey, SyntaxNode newRoot)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        NewRoot = newRoot;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }

    public SyntaxNode NewRoot { get; }
}
