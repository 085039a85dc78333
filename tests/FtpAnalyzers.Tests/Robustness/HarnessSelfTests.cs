using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>
/// The robustness tests pass as long as nothing goes wrong, so these check that the harness does
/// notice when something does: a throwing analyzer, a throwing fixer, a fix that breaks the code.
/// </summary>
public sealed class HarnessSelfTests
{
    private const string Source = """
        using Ftp;

        public static class Session
        {
            public static void Run(FtpConnection connection)
            {
                connection.Noop();
            }
        }
        """;

    [Fact]
    public async Task An_analyzer_exception_is_reported()
    {
        var harness = new RobustnessHarness(ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()), ImmutableArray<CodeFixProvider>.Empty);
        var problems = new ProblemLog();
        await harness.AnalyzeAsync(harness.CreateDocument(Source).Project, concurrent: true, problems, "self-test");
        Assert.Contains(problems.Snapshot(), problem => problem.Contains(nameof(ThrowingAnalyzer), StringComparison.Ordinal) && problem.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fixer_exception_is_reported()
    {
        var problems = await RunFixerAsync(new ThrowingFixer(), checkErrors: false);
        Assert.Contains(problems.Snapshot(), problem => problem.Contains(nameof(ThrowingFixer), StringComparison.Ordinal) && problem.Contains("threw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fix_that_breaks_the_code_is_reported_for_the_action_and_for_fix_all()
    {
        var problems = (await RunFixerAsync(new BreakingFixer(), checkErrors: true)).Snapshot();
        Assert.Contains(problems, problem => problem.Contains("action 'Break'", StringComparison.Ordinal) && problem.Contains("adds compiler errors", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("Fix All (Document)", StringComparison.Ordinal) && problem.Contains("adds compiler errors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fix_that_keeps_the_code_compiling_passes()
    {
        var problems = await RunFixerAsync(new HarmlessFixer(), checkErrors: true);
        Assert.Equal(0, problems.Count);
    }

    private static async Task<ProblemLog> RunFixerAsync(CodeFixProvider fixer, bool checkErrors)
    {
        var harness = new RobustnessHarness(ImmutableArray.Create<DiagnosticAnalyzer>(new InvocationAnalyzer()), ImmutableArray.Create(fixer));
        var problems = new ProblemLog();
        var document = harness.CreateDocument(Source);
        var diagnostics = await harness.AnalyzeAsync(document.Project, concurrent: false, problems, "self-test");
        Assert.Single(diagnostics);
        await harness.ExerciseFixersAsync(document, diagnostics, checkErrors, problems, "self-test");
        return problems;
    }

    private abstract class InvocationFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(SelfTestAnalyzers.InvocationId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => FixAsync(context.Document, context.Diagnostics[0], cancellationToken), equivalenceKey: Title),
                context.Diagnostics);
            return Task.CompletedTask;
        }

        protected abstract string Title { get; }

        protected abstract Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

        protected static async Task<Document> ReplaceInvocationAsync(Document document, Diagnostic diagnostic, string replacement, CancellationToken cancellationToken)
        {
            var root = (await document.GetSyntaxRootAsync(cancellationToken))!;
            var invocation = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>()!;
            return document.WithSyntaxRoot(root.ReplaceNode(invocation, SyntaxFactory.ParseExpression(replacement)));
        }
    }

    private sealed class ThrowingFixer : InvocationFixer
    {
        protected override string Title => "Throw";

        protected override Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
            => throw new InvalidOperationException("fixer bug");
    }

    private sealed class BreakingFixer : InvocationFixer
    {
        protected override string Title => "Break";

        protected override Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
            => ReplaceInvocationAsync(document, diagnostic, "connection.NoSuchCommand()", cancellationToken);
    }

    private sealed class HarmlessFixer : InvocationFixer
    {
        protected override string Title => "Harmless";

        protected override Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
            => ReplaceInvocationAsync(document, diagnostic, "connection.Pwd()", cancellationToken);
    }
}
