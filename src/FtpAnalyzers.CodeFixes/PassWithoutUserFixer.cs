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
/// FTP0001 fixes, offered when a USER on the same connection follows later in the same statement
/// list (a discarded call, nothing sending USER or PASS in between) and its argument does not use
/// anything computed in between: "Move User(…) before Pass(…)", and, for the methods User and
/// Pass, "Use Login(user, password)" (LoginAsync for async calls: await, ConfigureAwait and the
/// PASS's cancellation token stay).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassWithoutUserFixer)), Shared]
public sealed class PassWithoutUserFixer : SequenceFixer
{
    public const string MoveUserKey = "FTP0001.MoveUserBeforePass";
    public const string UseLoginKey = "FTP0001.UseLogin";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.PassWithoutUser);

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
    {
        if (!site.Call.Verbs.SequenceEqual(new[] { FtpVerbs.Pass }) || !site.IsFirstCommandOfAnchor(cancellationToken)
            || site.FindLater(new[] { FtpVerbs.User }, new[] { FtpVerbs.User, FtpVerbs.Pass }, cancellationToken) is not var (userIndex, user))
            yield break;

        var siblings = site.Siblings;
        var userStatement = siblings[userIndex];
        var between = StatementLists.Range(siblings, site.AnchorIndex, userIndex - 1).ToList();
        if (!DataDependencies.CanSwap(site.Model, new[] { userStatement }, between))
            yield break;

        yield return new SequenceFix(
            "Move User(…) before Pass(…)",
            MoveUserKey,
            StatementEditor.InsertBefore(site.Root, site.Anchor, new[] { userStatement }));

        var passName = CommandSite.MethodName(site.Invocation);
        var userName = CommandSite.MethodName(user);
        if (passName is "Pass" or "PassAsync" && userName == "User" + (passName == "PassAsync" ? "Async" : "")
            && !CommandSite.HasNamedArgumentsOtherThanToken(site.Invocation)
            && CommandSite.SoleArgument(user) is { } userArgument)
        {
            var login = CallShape.Renamed(site.Invocation, "Login", userArgument);
            yield return new SequenceFix(
                "Use Login(user, password)",
                UseLoginKey,
                StatementEditor.ReplaceAndDelete(site.Root, site.Invocation, login, new[] { userStatement }));
        }
    }
}
