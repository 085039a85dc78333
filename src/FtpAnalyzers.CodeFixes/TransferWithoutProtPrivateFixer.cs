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
/// FTP0010 fixes: <c>Pbsz(0); Prot(FtpProtection.Private);</c> written like the call they follow.
/// "after AuthTls()": when an AUTH TLS alone in its statement, its reply discarded, comes earlier in
/// the same list with no PROT, AUTH or unknown command between it and the transfer (PBSZ and PROT
/// are accepted before the login on every server measured). Otherwise "before the transfer", when
/// no earlier statement of the list sends a PROT on the connection (so Fix All adds it once).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TransferWithoutProtPrivateFixer)), Shared]
public sealed class TransferWithoutProtPrivateFixer : SequenceFixer
{
    public const string InsertAfterAuthTlsKey = "FTP0010.InsertProtAfterAuthTls";
    public const string InsertBeforeTransferKey = "FTP0010.InsertProtBeforeTransfer";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TransferWithoutProtPrivate);

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
    {
        if (!site.Call.Verbs.Any(v => v is not null && FtpVerbs.IsTransfer(v)) || !site.IsFirstCommandOfAnchor(cancellationToken))
            yield break;

        var siblings = site.Siblings;
        var anchorIndex = site.AnchorIndex;
        for (var i = anchorIndex - 1; i >= 0; i--)
        {
            if (site.DiscardedCommand(siblings[i], cancellationToken, FtpVerbs.Auth) is { } auth)
            {
                if (CallShape.Of(site.Model, auth, cancellationToken) is { } authShape)
                {
                    var next = siblings[i + 1];
                    yield return new SequenceFix(
                        "Insert Pbsz(0) and Prot(FtpProtection.Private) after AuthTls()",
                        InsertAfterAuthTlsKey,
                        StatementEditor.InsertBefore(site.Root, next, TlsStatements.Protection(authShape, site.Model, next.SpanStart)));
                }

                yield break;
            }

            var commands = site.CommandsIn(siblings[i], cancellationToken).ToList();
            if (commands.Any(c => c.Call.Verbs.Any(v => v is null || FtpVerbs.IsProt(v))))
                yield break;
            if (commands.Any(c => c.Call.Verbs.Contains(FtpVerbs.Auth)))
                break; // An AUTH TLS whose reply is tested: the PROT goes before the transfer.
        }

        if (CallShape.Of(site.Model, site.Invocation, cancellationToken) is { } shape)
        {
            yield return new SequenceFix(
                "Insert Pbsz(0) and Prot(FtpProtection.Private) before the transfer",
                InsertBeforeTransferKey,
                StatementEditor.InsertBefore(site.Root, site.Anchor, TlsStatements.Protection(shape, site.Model, site.Anchor.SpanStart)));
        }
    }
}
