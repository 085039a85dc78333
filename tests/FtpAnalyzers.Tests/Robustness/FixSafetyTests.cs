using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>Applying any offered fix, or Fix All, never adds a compiler error.</summary>
public sealed class FixSafetyTests(ITestOutputHelper output)
{
    private const int ReorderingCandidates = 300;

    [Fact]
    public async Task Every_fix_and_fix_all_keeps_the_code_compiling()
    {
        var seed = RobustnessSeed.Value;
        var harness = RobustnessHarness.ForProduct();
        var inputs = RobustnessCorpus.Files.Select(file => new MutatedInput(file.Name + " (unchanged)", file.Text))
            .Concat(MutatedInputs.Reorderings(seed, ReorderingCandidates))
            .ToList();
        var problems = new ProblemLog();
        var checkedInputs = 0;
        var diagnosticsSeen = 0;

        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (index, _) =>
            {
                var input = inputs[index];
                var context = $"input #{index} ({input.Description})";
                var document = harness.CreateDocument(input.Text);
                // A reordering that broke the code says nothing about fixes; the corpus files themselves compile.
                var compilation = (await document.Project.GetCompilationAsync())!;
                if (index >= RobustnessCorpus.Files.Count && compilation.GetDiagnostics().Any(diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
                    return;
                var diagnostics = await harness.AnalyzeAsync(document.Project, concurrent: false, problems, context);
                await harness.ExerciseFixersAsync(document, diagnostics, checkErrors: true, problems, context);
                System.Threading.Interlocked.Increment(ref checkedInputs);
                System.Threading.Interlocked.Add(ref diagnosticsSeen, diagnostics.Length);
            });

        output.WriteLine($"{harness.AnalyzerCount} analyzers, {harness.FixerCount} fixers; {checkedInputs} compiling inputs (seed {seed}), {diagnosticsSeen} diagnostics offered to the fixers");
        Assert.True(checkedInputs > RobustnessCorpus.Files.Count, "no reordered input compiled: the mutation is too destructive to test fixes");
        Assert.True(problems.Count == 0, problems.Describe(seed));
    }

    [Fact]
    public async Task Corpus_compiles_without_errors()
    {
        var harness = RobustnessHarness.ForProduct();
        foreach (var (name, text) in RobustnessCorpus.Files)
        {
            var compilation = (await harness.CreateDocument(text).Project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{name}: {string.Join(Environment.NewLine, errors)}");
        }
    }
}
