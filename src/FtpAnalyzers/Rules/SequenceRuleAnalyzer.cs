using System;
using System.Linq;
using System.Threading;
using FtpAnalyzers.Flow;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>
/// Base of the sequence rules (FTP0001-FTP0005). A rule only states when a verb is wrong given
/// what is certainly true of its connection just before it. This class runs the shared flow
/// analysis for members that send an FTP command, and reports each command call at most once:
/// when the rule holds on every path reaching it, or else on every path coming around a loop.
/// </summary>
public abstract class SequenceRuleAnalyzer : FtpDiagnosticAnalyzer
{
    /// <summary>
    /// Members longer than this (in characters of source, about 10,000 statements) are skipped
    /// before their control-flow graph is built: Roslyn's own construction of the graph grows
    /// faster than the member beyond a few thousand statements (measured: over 200 times the time
    /// for 20 times the statements), so a bound checked on the graph would come too late.
    /// </summary>
    internal const int MaxMemberLength = 300_000;

    /// <summary>The suffix of the message when the mistake happens only once a loop came around.</summary>
    internal const string FromSecondIteration = " from the second iteration of the loop on";

    private readonly DiagnosticDescriptor _descriptor;

    private protected SequenceRuleAnalyzer(DiagnosticDescriptor descriptor)
        : base(descriptor)
        => _descriptor = descriptor;

    /// <summary>True when sending <paramref name="verb"/> on a connection in state <paramref name="before"/> is the mistake this rule reports.</summary>
    private protected abstract bool IsViolatedBy(string verb, ConnectionFacts before);

    protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Nothing to do where Ftp.Client is not referenced, nor where no file calls a command
        // (a project that references the client for one file pays one text search per file).
        var symbols = FtpSymbols.TryCreate(context.Compilation);
        if (symbols is null || !symbols.CallNames.MayBeCalledInAnyTree(context.Compilation, context.CancellationToken))
            return;

        // A code-block action, not an operation-block one: the member is rejected from its syntax
        // before anything is bound, and only a member that calls a command gets operations and a graph.
        context.RegisterCodeBlockAction(codeBlock =>
        {
            if (AnalyzedRoot(codeBlock.CodeBlock, codeBlock.OwningSymbol, codeBlock.SemanticModel, symbols, codeBlock.CancellationToken) is not { } root)
                return;
            foreach (var observation in SequenceAnalysisCache.Get(root, symbols, IsMistake, codeBlock.CancellationToken))
            {
                if (Check(observation) is { } diagnostic)
                    codeBlock.ReportDiagnostic(diagnostic);
            }
        });
    }

    /// <summary>
    /// Every sequence rule of this assembly, found once: the shared analysis skips a member's
    /// control-flow graph only when it proves that none of them has anything to report.
    /// </summary>
    private static readonly Lazy<SequenceRuleAnalyzer[]> s_rules = new(() => typeof(SequenceRuleAnalyzer).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(SequenceRuleAnalyzer)) && !type.IsAbstract)
        .Select(type => (SequenceRuleAnalyzer)Activator.CreateInstance(type)!)
        .ToArray());

    /// <summary>
    /// True when <paramref name="verb"/> may be a mistake for some sequence rule in any state that
    /// joins more paths than <paramref name="fewerPaths"/> (<see cref="CouldBeViolatedGiven"/>):
    /// the test <see cref="CleanMemberProof"/> needs, since it sees fewer paths than the graph.
    /// </summary>
    internal static bool IsMistake(string verb, ConnectionFacts fewerPaths)
    {
        foreach (var rule in s_rules.Value)
        {
            if (rule.CouldBeViolatedGiven(verb, fewerPaths))
                return true;
        }

        return false;
    }

    /// <summary>
    /// True when <see cref="IsViolatedBy"/> may hold in some state that joins <paramref name="fewerPaths"/>
    /// with more: joining only makes facts less certain, so a rule asking only for certainties
    /// (the default) answers the same; a rule that also asks for something to be uncertain
    /// (<c>!before.Certainly…</c>) leaves that part out here. <c>SequenceRuleMonotonicityTests</c> checks every rule.
    /// </summary>
    private protected virtual bool CouldBeViolatedGiven(string verb, ConnectionFacts fewerPaths) => IsViolatedBy(verb, fewerPaths);

    /// <summary>For the tests: each sequence rule's ID, <see cref="IsViolatedBy"/> and <see cref="CouldBeViolatedGiven"/>.</summary>
    internal static System.Collections.Generic.IEnumerable<(string Id, Func<string, ConnectionFacts, bool> IsViolatedBy, Func<string, ConnectionFacts, bool> CouldBeViolatedGiven)> Rules
        => s_rules.Value.Select(rule => (rule.SupportedDiagnostics[0].Id, (Func<string, ConnectionFacts, bool>)rule.IsViolatedBy, (Func<string, ConnectionFacts, bool>)rule.CouldBeViolatedGiven));

    /// <summary>
    /// The operation whose control-flow graph the rules analyze for the code block of
    /// <paramref name="owner"/>, or null when they leave it alone: no call in it has the name of a
    /// command (<see cref="CommandCallNames"/>, from its text), code that does not parse yet (it is
    /// being typed: say nothing until it does), a member past <see cref="MaxMemberLength"/>, or no graph.
    /// </summary>
    internal static IOperation? AnalyzedRoot(SyntaxNode codeBlock, ISymbol owner, SemanticModel model, FtpSymbols symbols, CancellationToken cancellationToken)
    {
        if (ExecutableCode(codeBlock, owner) is not { } code
            || code.ContainsDiagnostics
            || code.Span.Length > MaxMemberLength
            || !symbols.CallNames.MayBeCalledIn(code, cancellationToken))
            return null;

        var root = model.GetOperation(code, cancellationToken);
        while (root?.Parent is not null)
            root = root.Parent;
        return root is not null && SequenceAnalysisCache.HasControlFlowGraph(root) ? root : null;
    }

    /// <summary>
    /// The node holding the code of <paramref name="owner"/>: the code block itself, except for a
    /// field or auto-property, whose code block is the whole declaration and whose code is its initializer.
    /// </summary>
    private static SyntaxNode? ExecutableCode(SyntaxNode codeBlock, ISymbol owner) => codeBlock switch
    {
        BaseFieldDeclarationSyntax field => InitializerOf(field, owner.Name),
        PropertyDeclarationSyntax property => property.Initializer,
        _ => codeBlock,
    };

    private static EqualsValueClauseSyntax? InitializerOf(BaseFieldDeclarationSyntax field, string name)
    {
        foreach (var variable in field.Declaration.Variables)
        {
            if (variable.Identifier.ValueText == name)
                return variable.Initializer;
        }

        return null;
    }

    private Diagnostic? Check(CommandObservation observation)
    {
        var verbs = observation.Verbs;
        for (var i = 0; i < verbs.Length; i++)
        {
            if (verbs[i] is { } verb && IsViolatedHere(observation, i, verb, observation.Before[i]))
                return Create(observation, verb, suffix: "");
        }

        foreach (var iteration in observation.BeforeOnLaterIterations)
        {
            for (var i = 0; i < verbs.Length; i++)
            {
                if (verbs[i] is { } verb && IsViolatedHere(observation, i, verb, iteration[i]))
                    return Create(observation, verb, FromSecondIteration);
            }
        }

        return null;
    }

    /// <summary>
    /// The verb is wrong in this state, and, for a helper's verb, not wrong in the helper entered
    /// knowing nothing: that mistake is the helper's own, reported inside it.
    /// </summary>
    private bool IsViolatedHere(CommandObservation observation, int index, string verb, ConnectionFacts before)
        => IsViolatedBy(verb, before) && (observation.Helper is not { } helper || !IsViolatedBy(verb, helper.Before[index]));

    private Diagnostic Create(CommandObservation observation, string verb, string suffix)
        => Diagnostic.Create(
            _descriptor,
            observation.Call.Invocation.Syntax.GetLocation(),
            observation.Helper is { } helper ? $" by {helper.Name}(...){suffix}" : suffix,
            verb);
}
