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
/// FTP0003 fix, offered when the RNFR, the command in between (or the statement holding it) and the
/// RNTO are statements of one list. When no statement in between depends on the RNFR's result:
/// "Move Rnfr(…) down to just before Rnto(…)". Otherwise, when every statement in between that
/// uses the connection is independent of it: "Move the intervening statements before Rnfr(…)"
/// (those that depend on the RNFR's result stay after it).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CommandBetweenRnfrAndRntoFixer)), Shared]
public sealed class CommandBetweenRnfrAndRntoFixer : SequenceFixer
{
    public const string MoveRnfrDownKey = "FTP0003.MoveRnfrDown";
    public const string MoveInterveningUpKey = "FTP0003.MoveInterveningStatementsUp";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CommandBetweenRnfrAndRnto);

    private protected override bool AllowsEmbeddedStatements => true;

    private protected override IEnumerable<SequenceFix> GetFixes(CommandSite site, CancellationToken cancellationToken)
    {
        foreach (var statement in site.Invocation.Ancestors().TakeWhile(a => a is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax and not GlobalStatementSyntax)).OfType<StatementSyntax>())
        {
            if (!StatementLists.IsInList(statement))
                continue;
            var siblings = StatementLists.Siblings(statement);
            var index = StatementLists.IndexOf(siblings, statement);
            var rnfrIndex = FindRnfr(site, siblings, index, cancellationToken);
            var rntoIndex = FindRnto(site, siblings, index, cancellationToken);
            if (rnfrIndex < 0 || rntoIndex < 0)
                yield break;
            if (Fix(site, siblings, rnfrIndex, rntoIndex, cancellationToken) is { } fix)
                yield return fix;
            yield break;
        }
    }

    private static SequenceFix? Fix(CommandSite site, IReadOnlyList<StatementSyntax> siblings, int rnfrIndex, int rntoIndex, CancellationToken cancellationToken)
    {
        var rnfr = siblings[rnfrIndex];
        var between = StatementLists.Range(siblings, rnfrIndex + 1, rntoIndex - 1).ToList();
        var dependent = new List<StatementSyntax> { rnfr };
        var independent = new List<StatementSyntax>();
        foreach (var statement in between)
        {
            if (DataDependencies.Reads(site.Model, statement, dependent))
                dependent.Add(statement);
            else
                independent.Add(statement);
        }

        if (dependent.Count == 1)
        {
            return DataDependencies.CanSwap(site.Model, new[] { rnfr }, between)
                ? new SequenceFix("Move Rnfr(…) down to just before Rnto(…)", MoveRnfrDownKey, StatementEditor.InsertBefore(site.Root, siblings[rntoIndex], new[] { rnfr }))
                : null;
        }

        // The statements that stay between RNFR and RNTO must not send anything on the connection.
        if (dependent.Skip(1).Any(s => site.Mentions(s, cancellationToken)) || independent.Count == 0
            || !DataDependencies.CanSwap(site.Model, independent, dependent))
            return null;
        return new SequenceFix("Move the intervening statements before Rnfr(…)", MoveInterveningUpKey, StatementEditor.InsertBefore(site.Root, rnfr, independent));
    }

    /// <summary>The nearest statement before <paramref name="index"/> that sends RNFR as its only command on the connection; -1 when another use of the connection comes first.</summary>
    private static int FindRnfr(CommandSite site, IReadOnlyList<StatementSyntax> siblings, int index, CancellationToken cancellationToken)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var commands = site.CommandsIn(siblings[i], cancellationToken).ToList();
            if (commands.Count == 1 && commands[0].Call.Verbs.SequenceEqual(new[] { FtpVerbs.Rnfr }))
                return i;
            if (commands.Any(c => c.Call.Verbs.Any(v => v is null or FtpVerbs.Rnfr or FtpVerbs.Rnto)))
                return -1;
        }

        return -1;
    }

    /// <summary>The nearest statement after <paramref name="index"/> whose first command on the connection is RNTO; -1 when an RNFR or an unknown command comes first.</summary>
    private static int FindRnto(CommandSite site, IReadOnlyList<StatementSyntax> siblings, int index, CancellationToken cancellationToken)
    {
        for (var i = index + 1; i < siblings.Count; i++)
        {
            var commands = site.CommandsIn(siblings[i], cancellationToken).ToList();
            if (commands.Count > 0 && commands[0].Call.Verbs.SequenceEqual(new[] { FtpVerbs.Rnto })
                && !commands[0].Invocation.Ancestors().TakeWhile(a => a != siblings[i]).Any(a => a is AnonymousFunctionExpressionSyntax))
                return i;
            if (commands.Any(c => c.Call.Verbs.Any(v => v is null or FtpVerbs.Rnfr or FtpVerbs.Rnto)))
                return -1;
        }

        return -1;
    }
}
