using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using FtpAnalyzers.CodeFixes.Sequence;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpAnalyzers.CodeFixes;

/// <summary>
/// FTP0005 fix "Move the login before the command", offered only when a login for the same
/// connection follows later in the same statement list — a discarded <c>Login(…)</c>, or a discarded
/// <c>User(…)</c> immediately followed by a discarded <c>Pass(…)</c> — and moving it changes no data
/// dependency. The login goes before the first of the commands before it that need it, so that
/// every FTP0005 of that list gets the same edit (Fix All keeps it once).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CommandBeforeLoginFixer)), Shared]
public sealed class CommandBeforeLoginFixer : SequenceFixer
{
    public const string MoveLoginKey = "FTP0005.MoveLoginBeforeCommand";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CommandBeforeLogin);

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
    {
        if (!site.IsFirstCommandOfAnchor(cancellationToken) || IsLoginStep(site.Call))
            yield break;

        var siblings = site.Siblings;
        var anchorIndex = site.AnchorIndex;
        var login = FindLogin(site, siblings, anchorIndex, cancellationToken);
        if (login is null)
            yield break;

        var target = anchorIndex;
        for (var i = anchorIndex - 1; i >= 0; i--)
        {
            if (!site.Mentions(siblings[i], cancellationToken))
                continue;
            var commands = site.CommandsIn(siblings[i], cancellationToken).ToList();
            if (commands.Count == 0 || commands.Any(c => IsLoginStep(c.Call) || c.Call.Verbs.Any(v => v is null)) || !commands.Any(c => c.Call.Verbs.Any(v => FtpVerbs.NeedsLogin(v!))))
                break;
            target = i;
        }

        var between = StatementLists.Range(siblings, target, StatementLists.IndexOf(siblings, login[0]) - 1).ToList();
        if (!DataDependencies.CanSwap(site.Model, login, between))
            yield break;
        yield return new SequenceFix("Move the login before the command", MoveLoginKey, StatementEditor.InsertBefore(site.Root, siblings[target], login));
    }

    /// <summary>The login statements after the anchor, or null when something else uses the connection for USER, PASS or an unknown command first.</summary>
    private static IReadOnlyList<StatementSyntax>? FindLogin(CommandSite site, IReadOnlyList<StatementSyntax> siblings, int anchorIndex, CancellationToken cancellationToken)
    {
        for (var i = anchorIndex + 1; i < siblings.Count; i++)
        {
            if (site.DiscardedCommand(siblings[i], cancellationToken, FtpVerbs.User, FtpVerbs.Pass) is not null)
                return new[] { siblings[i] };
            if (site.DiscardedCommand(siblings[i], cancellationToken, FtpVerbs.User) is not null)
            {
                return i + 1 < siblings.Count && site.DiscardedCommand(siblings[i + 1], cancellationToken, FtpVerbs.Pass) is not null
                    ? new[] { siblings[i], siblings[i + 1] }
                    : null;
            }

            if (site.CommandsIn(siblings[i], cancellationToken).Any(c => IsLoginStep(c.Call) || c.Call.Verbs.Any(v => v is null)))
                return null;
        }

        return null;
    }

    private static bool IsLoginStep(FtpCommandCall call) => call.Verbs.Any(v => v is FtpVerbs.User or FtpVerbs.Pass);
}
