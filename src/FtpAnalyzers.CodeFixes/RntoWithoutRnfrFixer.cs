using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
    {
        if (!site.Call.Verbs.SequenceEqual(new[] { FtpVerbs.Rnto }) || !site.IsFirstCommandOfAnchor(cancellationToken)
            || site.FindLater(new[] { FtpVerbs.Rnfr }, new[] { FtpVerbs.Rnfr, FtpVerbs.Rnto }, cancellationToken) is not var (rnfrIndex, rnfr))
            yield break;

        var siblings = site.Siblings;
        var rnfrStatement = siblings[rnfrIndex];
        var between = StatementLists.Range(siblings, site.AnchorIndex, rnfrIndex - 1).ToList();
        if (!DataDependencies.CanSwap(site.Model, new[] { rnfrStatement }, between))
            yield break;

        yield return new SequenceFix(
            "Move Rnfr(…) right before Rnto(…)",
            MoveRnfrKey,
            StatementEditor.InsertBefore(site.Root, site.Anchor, new[] { rnfrStatement }));

        var rntoName = CommandSite.MethodName(site.Invocation);
        var rnfrName = CommandSite.MethodName(rnfr);
        if (rntoName is "Rnto" or "RntoAsync" && rnfrName == "Rnfr" + (rntoName == "RntoAsync" ? "Async" : "")
            && !CommandSite.HasNamedArgumentsOtherThanToken(site.Invocation)
            && CommandSite.SoleArgument(rnfr) is { } from)
        {
            var rename = CallShape.Renamed(site.Invocation, "Rename", from);
            yield return new SequenceFix(
                "Use Rename(from, to)",
                UseRenameKey,
                StatementEditor.ReplaceAndDelete(site.Root, site.Invocation, rename, new[] { rnfrStatement }));
        }
    }
}
