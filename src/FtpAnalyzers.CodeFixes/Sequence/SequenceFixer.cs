using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FtpAnalyzers.CodeFixes.Sequence;

/// <summary>
/// Base of the FTP0001-FTP0005 fixers: finds the command the diagnostic points at, asks the rule's
/// fixer for its edits, and offers only those that add no compiler error. Never throws.
/// </summary>
public abstract class SequenceFixer : CodeFixProvider
{
    /// <summary>
    /// Batch Fix All: every fix of one rule edits its own statements, and where two diagnostics
    /// lead to the same move (two commands between one RNFR and its RNTO, two commands before
    /// one login) the fixers compute the very same edit, which the batch keeps once.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
