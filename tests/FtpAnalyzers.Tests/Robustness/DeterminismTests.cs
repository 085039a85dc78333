using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>The same input gives the same diagnostics, with concurrent execution on or off, every time.</summary>
public sealed class DeterminismTests(ITestOutputHelper output)
{
    private const int MutatedInputCount = 40;
    private const int Repetitions = 3;

    [Fact]
    public async Task Each_input_gives_the_same_diagnostics_sequentially_and_concurrently()
    {
        var seed = RobustnessSeed.Value;
        var harness = RobustnessHarness.ForProduct();
        var inputs = RobustnessCorpus.Files.Select(file => new MutatedInput(file.Name + " (unchanged)", file.Text))
            .Concat(MutatedInputs.Create(seed, 2_000).Skip(2_000 - MutatedInputCount))
            .ToList();
        var problems = new ProblemLog();
        var total = 0;
        foreach (var input in inputs)
            total += await CheckAsync(harness, harness.CreateDocument(input.Text).Project, input.Description, problems);
        output.WriteLine($"{harness.AnalyzerCount} analyzers; {inputs.Count} inputs, {total} diagnostics each time");
        Assert.True(problems.Count == 0, problems.Describe(seed));
    }

    [Fact]
    public async Task The_whole_corpus_gives_the_same_diagnostics_sequentially_and_concurrently()
    {
        var harness = RobustnessHarness.ForProduct();
        // The sample's top-level statements would make this a program; the rest is a library.
        var project = harness.CreateProject(RobustnessCorpus.Files.Where(file => !file.Name.StartsWith("Sample", StringComparison.Ordinal)).Select(file => file.Text));
        var problems = new ProblemLog();
        var count = await CheckAsync(harness, project, "whole corpus", problems);
        output.WriteLine($"{harness.AnalyzerCount} analyzers; {count} diagnostics each time");
        Assert.True(problems.Count == 0, problems.Describe(RobustnessSeed.Value));
    }

    private static async Task<int> CheckAsync(RobustnessHarness harness, Project project, string description, ProblemLog problems)
    {
        var reference = Render(await harness.AnalyzeAsync(project, concurrent: false, problems, description));
        for (var repetition = 0; repetition < Repetitions; repetition++)
        {
            foreach (var concurrent in new[] { true, false })
            {
                var again = Render(await harness.AnalyzeAsync(project, concurrent, problems, description));
                if (!again.SequenceEqual(reference))
                {
                    problems.Add($"{description}: run {repetition + 1} with concurrent={concurrent} differs from the first sequential run:{Environment.NewLine}"
                        + $"first: {string.Join(" | ", reference)}{Environment.NewLine}again: {string.Join(" | ", again)}");
                }
            }
        }
        return reference.Count;
    }

    private static List<string> Render(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics
            .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.SourceTree?.FilePath}{diagnostic.Location.SourceSpan} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}")
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToList();
}
