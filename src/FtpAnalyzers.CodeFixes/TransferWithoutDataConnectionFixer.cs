using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using FtpAnalyzers.CodeFixes.Sequence;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpAnalyzers.CodeFixes;

/// <summary>
/// FTP0004 fixes: "Insert Epsv() before the transfer" and "Insert Pasv() before the transfer" (a
/// call on the same receiver, written like the transfer: sync or async, await, ConfigureAwait,
/// cancellation token; a transfer written without braces under an if or a loop gets a block), and
/// "Use Download(path, stream)" / "Use Upload(path, stream)" for a Retr/Stor whose reply is
/// discarded. Inside a loop, a PASV or EPSV just before the loop that only served the loop's first
/// transfer is removed (see <see cref="RedundantArmingBeforeLoop"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TransferWithoutDataConnectionFixer)), Shared]
public sealed class TransferWithoutDataConnectionFixer : SequenceFixer
{
    public const string InsertEpsvKey = "FTP0004.InsertEpsv";
    public const string InsertPasvKey = "FTP0004.InsertPasv";
    public const string UseHelperKey = "FTP0004.UseDownloadOrUpload";

    private static readonly string[] ArmingVerbs = { "PASV", "EPSV" };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TransferWithoutDataConnection);

    private protected override bool AllowsEmbeddedStatements => true;

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
    {
        if (site.Call.Verbs.Length != 1 || site.Call.Verbs[0] is not { } verb || !FtpVerbs.IsTransfer(verb)
            || !site.IsFirstCommandOfAnchor(cancellationToken)
            || CallShape.Of(site.Model, site.Invocation, cancellationToken) is not { } shape)
            yield break;

        var redundant = RedundantArmingBeforeLoop(site, cancellationToken);
        var deleted = redundant is null ? new StatementSyntax[0] : new[] { redundant };
        foreach (var (name, key) in new[] { ("Epsv", InsertEpsvKey), ("Pasv", InsertPasvKey) })
        {
            var arming = SyntaxFactory.ExpressionStatement(shape.Build(name));
            yield return new SequenceFix($"Insert {name}() before the transfer", key, StatementEditor.InsertBefore(site.Root, site.Anchor, new[] { arming }, deleted));
        }

        var method = CommandSite.MethodName(site.Invocation);
        var helper = method switch
        {
            "Retr" or "RetrAsync" => "Download",
            "Stor" or "StorAsync" => "Upload",
            _ => null,
        };
        if (helper is not null && site.Anchor is ExpressionStatementSyntax { Expression: var expression } && CallShape.Unwrap(expression) == site.Invocation
            && !CommandSite.HasNamedArgumentsOtherThanToken(site.Invocation))
        {
            var root = StatementEditor.ReplaceAndDelete(site.Root, site.Invocation, CallShape.Renamed(site.Invocation, helper, first: null), deleted);
            yield return new SequenceFix($"Use {helper}(path, stream)", UseHelperKey, root);
        }
    }

    /// <summary>
    /// A <c>c.Pasv();</c> or <c>c.Epsv();</c> (discarded, sync or async) right before the loop around
    /// the transfer that nothing but the loop's first transfer uses: the connection is a local, the
    /// code from it to the transfer (loop header included) sends only commands that neither transfer
    /// nor arm, and after the loop the next transfer on the connection, if any, is armed anew.
    /// Null when any of this is not certain: the call then stays, and is harmless (the new EPSV
    /// or PASV replaces the listener it opened).
    /// </summary>
    private static StatementSyntax? RedundantArmingBeforeLoop(CommandSite site, CancellationToken cancellationToken)
    {
        if (site.Connection is not ILocalSymbol)
            return null;
        var loop = site.Anchor.Ancestors().TakeWhile(a => a is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax and not GlobalStatementSyntax))
            .FirstOrDefault(a => a is CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax) as StatementSyntax;
        if (loop is null || !StatementLists.IsInList(loop) || !IsOutermostList(loop))
            return null;

        var siblings = StatementLists.Siblings(loop);
        var loopIndex = StatementLists.IndexOf(siblings, loop);
        StatementSyntax? arming = null;
        for (var i = loopIndex - 1; i >= 0 && arming is null; i--)
        {
            if (!site.Mentions(siblings[i], cancellationToken))
                continue;
            arming = ArmingVerbs.Select(v => site.DiscardedCommand(siblings[i], cancellationToken, v)).Any(c => c is not null) ? siblings[i] : null;
            if (arming is null)
                return null;
        }

        if (arming is null)
            return null;

        // In the loop, before the transfer: only commands that neither transfer nor arm.
        foreach (var name in MentionsIn(site, loop, cancellationToken).Where(n => n.SpanStart < site.Invocation.SpanStart))
        {
            if (!IsHarmlessCommandReceiver(site, name, cancellationToken))
                return null;
        }

        // After the loop: the next data-related command arms a new data connection.
        for (var i = loopIndex + 1; i < siblings.Count; i++)
        {
            foreach (var name in MentionsIn(site, siblings[i], cancellationToken))
            {
                if (CommandOf(site, name, cancellationToken) is not { } call || call.Verbs.Any(v => v is null))
                    return null;
                foreach (var verb in call.Verbs)
                {
                    if (FtpVerbs.ArmsDataConnection(verb!))
                        return arming;
                    if (FtpVerbs.IsTransfer(verb!))
                        return null;
                }
            }
        }

        return arming;
    }

    private static bool IsOutermostList(StatementSyntax statement)
        => statement.Parent is GlobalStatementSyntax
        || statement.Parent is BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax };

    private static IEnumerable<IdentifierNameSyntax> MentionsIn(CommandSite site, SyntaxNode node, CancellationToken cancellationToken)
        => node.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n =>
            n.Identifier.ValueText == site.Connection.Name
            && SymbolEqualityComparer.Default.Equals(site.Model.GetSymbolInfo(n, cancellationToken).Symbol, site.Connection));

    private static bool IsHarmlessCommandReceiver(CommandSite site, IdentifierNameSyntax name, CancellationToken cancellationToken)
        => CommandOf(site, name, cancellationToken) is { } call
        && call.Verbs.All(v => v is not null && !FtpVerbs.IsTransfer(v) && !FtpVerbs.ArmsDataConnection(v));

    /// <summary>The command sent on the connection when <paramref name="name"/> is the receiver of a command call outside any lambda.</summary>
    private static FtpCommandCall? CommandOf(CommandSite site, IdentifierNameSyntax name, CancellationToken cancellationToken)
        => name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access && access.Expression == name
            && !name.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            ? CommandSite.Command(site.Model, site.Symbols, invocation, cancellationToken)
            : null;
}
