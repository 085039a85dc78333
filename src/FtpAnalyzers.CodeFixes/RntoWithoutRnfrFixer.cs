using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using FtpAnalyzers.CodeFixes.Sequence;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FtpAnalyzers.CodeFixes;

/// <summary>
/// FTP0002 fixes, offered when an RNFR on the same connection follows later in the same statement
/// list (a discarded call, no RNFR or RNTO in between) and moving it changes no data dependency:
/// "Move Rnfr(…) right before Rnto(…)", and, for the methods Rnfr and Rnto, "Use Rename(from, to)".
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RntoWithoutRnfrFixer)), Shared]
public sealed class RntoWithoutRnfrFixer : SequenceFixer
{
    public const string MoveRnfrKey = "FTP0002.MoveRnfrBeforeRnto";
    public const string UseRenameKey = "FTP0002.UseRename";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RntoWithoutRnfr);

    private static readonly LatePredecessor Pair = new(
        FtpVerbs.Rnto, FtpVerbs.Rnfr, "Rnto", "Rnfr", "Rename",
        "Move Rnfr(…) right before Rnto(…)", MoveRnfrKey, "Use Rename(from, to)", UseRenameKey);

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
        => Pair.Fixes(site, cancellationToken);
}
