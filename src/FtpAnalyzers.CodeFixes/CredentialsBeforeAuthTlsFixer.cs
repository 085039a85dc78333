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
/// FTP0009 fix "Move AuthTls() before the login": the AUTH TLS statement (its reply discarded or
/// kept in a new local), with the PBSZ and PROT statements right after it, moves before the first
/// statement of the same list that sends USER or PASS on the connection. Offered when every
/// statement in between only sends commands whose verbs are known (no helper, no unknown line, no
/// other AUTH) and no data dependency changes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CredentialsBeforeAuthTlsFixer)), Shared]
public sealed class CredentialsBeforeAuthTlsFixer : SequenceFixer
{
    public const string MoveAuthTlsKey = "FTP0009.MoveAuthTlsBeforeLogin";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CredentialsBeforeAuthTls);

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
    {
        if (site.MovableCommand(site.Anchor, cancellationToken, FtpVerbs.Auth) is null)
            yield break;

        var siblings = site.Siblings;
        var anchorIndex = site.AnchorIndex;
        var moved = new List<StatementSyntax> { site.Anchor };
        for (var i = anchorIndex + 1; i < siblings.Count && TlsStatements.IsPbszOrProt(site, siblings[i], cancellationToken); i++)
            moved.Add(siblings[i]);

        int? target = null;
        for (var i = anchorIndex - 1; i >= 0; i--)
        {
            if (!site.Mentions(siblings[i], cancellationToken))
                continue;
            var commands = site.CommandsIn(siblings[i], cancellationToken).ToList();
            if (commands.Count == 0 || commands.Any(c => c.Call.Verbs.Any(v => v is null or FtpVerbs.Auth)))
                break;
            if (commands.Any(c => c.Call.Verbs.Any(v => v is FtpVerbs.User or FtpVerbs.Pass)))
                target = i;
        }

        if (target is not { } first)
            yield break;
        var between = StatementLists.Range(siblings, first, anchorIndex - 1).ToList();
        if (DataDependencies.CanSwap(site.Model, moved, between))
            yield return new SequenceFix("Move AuthTls() before the login", MoveAuthTlsKey, StatementEditor.InsertBefore(site.Root, siblings[first], moved));
    }
}
