using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.Benchmarks.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>
/// Runs analyzers and fixers over one input and writes down everything that goes wrong: an
/// exception leaving an analyzer (AD0001) or a fixer, and, when asked, a fix that adds compiler
/// errors. Problems are collected, not thrown, so one run reports all of them.
/// </summary>
internal sealed class RobustnessHarness
{
    private static readonly FixAllScope[] s_fixAllScopes = { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<CodeFixProvider> _fixers;
    private readonly Solution _emptySolution;
    private readonly ProjectId _projectId = ProjectId.CreateNewId();

    public RobustnessHarness(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        _analyzers = analyzers;
        _fixers = fixers;
        var workspace = new AdhocWorkspace();
        _emptySolution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            _projectId, VersionStamp.Default, "Robustness", "Robustness", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: CompilationReferences.Net80.Add(CompilationReferences.FtpClient)));
        // Binding ~170 references costs more than a small input; the workspace reuses this
        // compilation's reference symbols in every project forked from this solution.
        _emptySolution.GetProject(_projectId)!.GetCompilationAsync().GetAwaiter().GetResult();
    }

    /// <summary>The product's analyzers and fixers, found by reflection.</summary>
    public static RobustnessHarness ForProduct()
        => new(AnalyzerCatalog.CreateProductAnalyzers(), AnalyzerCatalog.CreateProductFixers());

    public int AnalyzerCount => _analyzers.Length;

    public int FixerCount => _fixers.Length;

    /// <summary>A one-document project holding <paramref name="text"/>; top-level statements make it an executable.</summary>
    public Document CreateDocument(string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text);
        var solution = _emptySolution;
        if (tree.GetRoot() is CompilationUnitSyntax root && root.Members.OfType<GlobalStatementSyntax>().Any())
            solution = solution.WithProjectCompilationOptions(_projectId, solution.GetProject(_projectId)!.CompilationOptions!.WithOutputKind(OutputKind.ConsoleApplication));
        var documentId = DocumentId.CreateNewId(_projectId);
        return solution.AddDocument(documentId, "Input.cs", SourceText.From(text)).GetDocument(documentId)!;
    }

    /// <summary>A project holding every text, one document each, to analyze files side by side.</summary>
    public Project CreateProject(IEnumerable<string> texts)
    {
        var solution = _emptySolution;
        var index = 0;
        foreach (var text in texts)
            solution = solution.AddDocument(DocumentId.CreateNewId(_projectId), $"Input{index++}.cs", SourceText.From(text));
        return solution.GetProject(_projectId)!;
    }

    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, bool concurrent, ProblemLog problems, string context)
    {
        if (_analyzers.IsEmpty)
            return ImmutableArray<Diagnostic>.Empty;
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        var withAnalyzers = compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => problems.Add($"{context}: analyzer {analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics.Where(diagnostic => diagnostic.Id == "AD0001"))
            problems.Add($"{context}: {diagnostic}");
        return diagnostics;
    }

    /// <summary>
    /// Asks every fixer for every diagnostic it claims, computes every offered action (nested ones
    /// too) and every Fix All; with <paramref name="checkErrors"/>, fails any result that has a
    /// compiler error the input did not have.
    /// </summary>
    public async Task ExerciseFixersAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool checkErrors, ProblemLog problems, string context)
    {
        if (_fixers.IsEmpty || diagnostics.IsEmpty)
            return;
        var errorsBefore = checkErrors ? await ErrorsAsync(document.Project).ConfigureAwait(false) : null;
        foreach (var fixer in _fixers)
        {
            var fixable = SafeFixableIds(fixer, problems, context);
            var offered = new List<(Diagnostic Diagnostic, CodeAction Action)>();
            foreach (var diagnostic in diagnostics.Where(diagnostic => fixable.Contains(diagnostic.Id) && diagnostic.Location.IsInSource))
            {
                var where = $"{context}: {fixer.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.SourceSpan}";
                try
                {
                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)).ConfigureAwait(false);
                    foreach (var action in actions.SelectMany(Flatten))
                    {
                        offered.Add((diagnostic, action));
                        await ApplyAsync(action, document.Project, errorsBefore, problems, $"{where}, action '{action.Title}'").ConfigureAwait(false);
                    }
                }
                catch (Exception exception)
                {
                    problems.Add($"{where}: threw {exception}");
                }
            }
            await FixAllAsync(fixer, document, offered, errorsBefore, problems, context).ConfigureAwait(false);
        }
    }

    private async Task FixAllAsync(CodeFixProvider fixer, Document document, List<(Diagnostic Diagnostic, CodeAction Action)> offered, IReadOnlyDictionary<string, int>? errorsBefore, ProblemLog problems, string context)
    {
        if (offered.Count == 0)
            return;
        FixAllProvider? provider;
        try
        {
            provider = fixer.GetFixAllProvider();
        }
        catch (Exception exception)
        {
            problems.Add($"{context}: {fixer.GetType().Name}.GetFixAllProvider threw {exception}");
            return;
        }
        if (provider is null)
            return;
        foreach (var group in offered.GroupBy(item => (item.Diagnostic.Id, item.Action.EquivalenceKey)))
        {
            foreach (var scope in s_fixAllScopes)
            {
                var where = $"{context}: Fix All ({scope}) of {fixer.GetType().Name} for {group.Key.Id}, key '{group.Key.EquivalenceKey}'";
                try
                {
                    if (!provider.GetSupportedFixAllScopes().Contains(scope))
                        continue;
                    var fixAllContext = new FixAllContext(document, fixer, scope, group.Key.EquivalenceKey, new[] { group.Key.Id }, new AnalyzerDiagnosticProvider(this, problems, where), CancellationToken.None);
                    var action = await provider.GetFixAsync(fixAllContext).ConfigureAwait(false);
                    if (action is not null)
                        await ApplyAsync(action, document.Project, errorsBefore, problems, where).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    problems.Add($"{where}: threw {exception}");
                }
            }
        }
    }

    private static async Task ApplyAsync(CodeAction action, Project project, IReadOnlyDictionary<string, int>? errorsBefore, ProblemLog problems, string where)
    {
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (operation is not ApplyChangesOperation apply)
                continue;
            var changed = apply.ChangedSolution.GetProject(project.Id);
            if (changed is null)
            {
                problems.Add($"{where}: the fix removed the project");
                continue;
            }
            // Materialize every changed document, as applying to a workspace would.
            foreach (var document in changed.Documents)
                await document.GetTextAsync().ConfigureAwait(false);
            if (errorsBefore is null)
                continue;
            var errorsAfter = await ErrorsAsync(changed).ConfigureAwait(false);
            var added = errorsAfter.Where(pair => pair.Value > errorsBefore.GetValueOrDefault(pair.Key)).Select(pair => pair.Key).ToList();
            if (added.Count > 0)
            {
                var fixedText = (await changed.Documents.First().GetTextAsync().ConfigureAwait(false)).ToString();
                problems.Add($"{where}: the fix adds compiler errors: {string.Join("; ", added)}\n--- fixed code ---\n{fixedText}");
            }
        }
    }

    /// <summary>Compiler errors by id and message (positions move when a fix edits code).</summary>
    private static async Task<IReadOnlyDictionary<string, int>> ErrorsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        return compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .GroupBy(diagnostic => $"{diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}")
            .ToDictionary(group => group.Key, group => group.Count());
    }

    private static ImmutableHashSet<string> SafeFixableIds(CodeFixProvider fixer, ProblemLog problems, string context)
    {
        try
        {
            return fixer.FixableDiagnosticIds.ToImmutableHashSet();
        }
        catch (Exception exception)
        {
            problems.Add($"{context}: {fixer.GetType().Name}.FixableDiagnosticIds threw {exception}");
            return ImmutableHashSet<string>.Empty;
        }
    }

    /// <summary>An action and, for a menu of actions, the ones inside it (public API only from Roslyn 4.10).</summary>
    private static IEnumerable<CodeAction> Flatten(CodeAction action)
    {
        yield return action;
        var nested = typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (nested?.GetValue(action) is ImmutableArray<CodeAction> children && !children.IsDefault)
        {
            foreach (var child in children.SelectMany(Flatten))
                yield return child;
        }
    }

    /// <summary>Gives Fix All the product analyzers' diagnostics, as the IDE's diagnostic service would.</summary>
    private sealed class AnalyzerDiagnosticProvider(RobustnessHarness harness, ProblemLog problems, string context) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return (await harness.AnalyzeAsync(document.Project, concurrent: false, problems, context).ConfigureAwait(false))
                .Where(diagnostic => diagnostic.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => (await harness.AnalyzeAsync(project, concurrent: false, problems, context).ConfigureAwait(false))
                .Where(diagnostic => !diagnostic.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await harness.AnalyzeAsync(project, concurrent: false, problems, context).ConfigureAwait(false);
    }
}
