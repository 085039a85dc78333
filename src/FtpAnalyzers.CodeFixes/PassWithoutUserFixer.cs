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

    private static readonly LatePredecessor Pair = new(
        FtpVerbs.Pass, FtpVerbs.User, "Pass", "User", "Login",
        "Move User(…) before Pass(…)", MoveUserKey, "Use Login(user, password)", UseLoginKey);

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
        => Pair.Fixes(site, cancellationToken);
}
