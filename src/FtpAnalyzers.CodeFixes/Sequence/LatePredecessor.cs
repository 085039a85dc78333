using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace FtpAnalyzers.CodeFixes.Sequence;

/// <summary>
/// A command pair written the wrong way round — PASS before USER, RNTO before RNFR — whose first
/// half follows later in the same statement list.
/// </summary>
/// <param name="second">The flagged verb (PASS, RNTO).</param>
/// <param name="first">The verb that must come right before it (USER, RNFR).</param>
/// <param name="secondMethod">The client method sending <paramref name="second"/> (Pass, Rnto).</param>
/// <param name="firstMethod">The client method sending <paramref name="first"/> (User, Rnfr).</param>
/// <param name="helper">The one-call helper sending both in order (Login, Rename).</param>
internal sealed class LatePredecessor(
    string second,
    string first,
    string secondMethod,
    string firstMethod,
    string helper,
    string moveTitle,
    string moveKey,
    string helperTitle,
    string helperKey)
{
    /// <summary>
    /// "Move First(…) before Second(…)" when nothing in between sends either verb and the move
    /// changes no data dependency (a first half kept in a local moves with its declaration); then,
    /// for the client's own methods and a first half whose reply is discarded, "Use Helper(first,
    /// second)" (the Async form for async calls, keeping await, ConfigureAwait and the token).
    /// </summary>
    public IEnumerable<SequenceFix> Fixes(CommandSite site, CancellationToken cancellationToken)
    {
        if (!site.Call.Verbs.SequenceEqual(new[] { second }) || !site.IsFirstCommandOfAnchor(cancellationToken)
            || site.FindLater(new[] { first }, new[] { first, second }, cancellationToken) is not var (firstIndex, firstCall, firstIsDiscarded))
            yield break;

        var siblings = site.Siblings;
        var firstStatement = siblings[firstIndex];
        var between = StatementLists.Range(siblings, site.AnchorIndex, firstIndex - 1).ToList();
        if (!DataDependencies.CanSwap(site.Model, new[] { firstStatement }, between))
            yield break;

        yield return new SequenceFix(moveTitle, moveKey, StatementEditor.InsertBefore(site.Root, site.Anchor, new[] { firstStatement }));

        var secondName = CommandSite.MethodName(site.Invocation);
        var async = secondName == secondMethod + "Async";
        if (firstIsDiscarded
            && (secondName == secondMethod || async)
            && CommandSite.MethodName(firstCall) == firstMethod + (async ? "Async" : "")
            && !CommandSite.HasNamedArgumentsOtherThanToken(site.Invocation)
            && CommandSite.SoleArgument(firstCall) is { } firstArgument)
        {
            var helperCall = CallShape.Renamed(site.Invocation, helper, firstArgument);
            yield return new SequenceFix(helperTitle, helperKey, StatementEditor.ReplaceAndDelete(site.Root, site.Invocation, helperCall, new[] { firstStatement }));
        }
    }
}
