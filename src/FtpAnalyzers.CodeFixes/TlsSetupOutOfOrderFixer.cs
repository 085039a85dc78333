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
/// FTP0008 fixes. "Move AuthTls() before the PBSZ" (or PROT): an AUTH TLS sent later in the same
/// statement list, alone in its statement, moves before the PBSZ/PROT statements that precede it,
/// when nothing in between sends a command whose verb is not known and no data dependency changes.
/// "Insert Pbsz(0) before the PROT": for a PROT after an AUTH TLS of the same list.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TlsSetupOutOfOrderFixer)), Shared]
public sealed class TlsSetupOutOfOrderFixer : SequenceFixer
{
    public const string MoveAuthTlsKey = "FTP0008.MoveAuthTlsBefore";
    public const string InsertPbszKey = "FTP0008.InsertPbszBeforeProt";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TlsSetupOutOfOrder);

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
    {
        if (site.Call.Verbs.Length != 1 || site.Call.Verbs[0] is not { } verb || !site.IsFirstCommandOfAnchor(cancellationToken))
            yield break;
        var isProt = FtpVerbs.IsProt(verb);
        if (verb != FtpVerbs.Pbsz && !isProt)
            yield break;

        var siblings = site.Siblings;
        var anchorIndex = site.AnchorIndex;
        if (site.FindLater(TlsStatements.Auth, blockingVerbs: new string[0], cancellationToken) is var (authIndex, _, _))
        {
            // Before the run of PBSZ/PROT statements the anchor ends: every FTP0008 of the run gets the same edit.
            var target = anchorIndex;
            while (target > 0 && TlsStatements.IsPbszOrProt(site, siblings[target - 1], cancellationToken))
                target--;
            var auth = new[] { siblings[authIndex] };
            var between = StatementLists.Range(siblings, target, authIndex - 1).ToList();
            if (DataDependencies.CanSwap(site.Model, auth, between))
                yield return new SequenceFix($"Move AuthTls() before the {(isProt ? "PROT" : "PBSZ")}", MoveAuthTlsKey, StatementEditor.InsertBefore(site.Root, siblings[target], auth));
            yield break;
        }

        if (isProt && HasEarlierAuth(site, siblings, anchorIndex, cancellationToken)
            && CallShape.Of(site.Model, site.Invocation, cancellationToken) is { } shape)
        {
            yield return new SequenceFix("Insert Pbsz(0) before the PROT", InsertPbszKey, StatementEditor.InsertBefore(site.Root, site.Anchor, new[] { TlsStatements.Pbsz(shape) }));
        }
    }

    private static bool HasEarlierAuth(CommandSite site, IReadOnlyList<StatementSyntax> siblings, int anchorIndex, CancellationToken cancellationToken)
    {
        for (var i = anchorIndex - 1; i >= 0; i--)
        {
            var commands = site.CommandsIn(siblings[i], cancellationToken).ToList();
            if (commands.Any(c => c.Call.Verbs.Any(v => v is null || v == FtpVerbs.Pbsz)))
                return false;
            if (commands.Any(c => c.Call.Verbs.Contains(FtpVerbs.Auth)))
                return true;
        }

        return false;
    }
}
