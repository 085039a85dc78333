using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>No exception may leave an analyzer or a fixer, whatever half-typed code they are given.</summary>
public sealed class NoExceptionTests(ITestOutputHelper output)
{
    private const int InputCount = 2_000;
    private static readonly TimeSpan s_perInputLimit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Every_analyzer_and_fixer_survives_thousands_of_mutated_inputs()
    {
        var seed = RobustnessSeed.Value;
        var inputs = MutatedInputs.Create(seed, InputCount);
        var harness = RobustnessHarness.ForProduct();
        var problems = new ProblemLog();
        var failedInputs = Path.Combine(Path.GetTempPath(), $"ftp-robustness-{seed}");
        long slowestTicks = 0;
        var total = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (index, _) =>
            {
                var input = inputs[index];
                var context = $"input #{index} ({input.Description})";
                var found = new ProblemLog();
                var stopwatch = Stopwatch.StartNew();
                var document = harness.CreateDocument(input.Text);
                var diagnostics = await harness.AnalyzeAsync(document.Project, concurrent: false, found, context);
                await harness.ExerciseFixersAsync(document, diagnostics, checkErrors: false, found, context);
                stopwatch.Stop();
                InterlockedMax(ref slowestTicks, stopwatch.Elapsed.Ticks);
                if (stopwatch.Elapsed > s_perInputLimit)
                    found.Add($"{context}: took {stopwatch.Elapsed.TotalSeconds:0.0} s, more than the {s_perInputLimit.TotalSeconds} s bound");
                if (found.Count > 0)
                {
                    Directory.CreateDirectory(failedInputs);
                    File.WriteAllText(Path.Combine(failedInputs, $"input{index}.cs"), input.Text);
                    problems.AddRange(found);
                }
            });

        // CPU time says what the run costs on an idle machine; wall time depends on what else runs.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        output.WriteLine($"{harness.AnalyzerCount} analyzers, {harness.FixerCount} fixers; {inputs.Count} inputs (seed {seed}) in {total.Elapsed.TotalSeconds:0.0} s wall, {cpu.TotalSeconds:0.0} s CPU; slowest input {TimeSpan.FromTicks(slowestTicks).TotalMilliseconds:0} ms");
        Assert.True(inputs.Count >= InputCount);
        Assert.True(problems.Count == 0, problems.Describe(seed) + $"{Environment.NewLine}Failing inputs written to {failedInputs}");
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
                return;
        }
    }
}
