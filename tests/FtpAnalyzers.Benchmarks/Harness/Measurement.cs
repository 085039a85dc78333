using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Benchmarks.Harness;

/// <summary>What one analyzer run cost and found.</summary>
/// <param name="AnalyzerTime">Time spent inside the analyzers' callbacks (Roslyn's own telemetry).</param>
/// <param name="PerAnalyzer">Callback time of each analyzer, in the order they were given.</param>
/// <param name="WallTime">The whole analysis pass: the analyzers and the driver's work for them (binding, operation trees).</param>
public sealed record AnalyzerRun(TimeSpan AnalyzerTime, ImmutableArray<TimeSpan> PerAnalyzer, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> Failures, TimeSpan WallTime);

/// <summary>
/// Times compilations and analyzer runs. Everything runs single-threaded (concurrentBuild and
/// concurrentAnalysis off) so that compile time and analyzer time are the same kind of time and
/// the ratios do not depend on how busy the other core is. Each repetition starts from a fresh
/// <see cref="Compilation.Clone"/>, so no bound state is reused between runs.
/// </summary>
public static class Measurement
{
    public static CSharpCompilation CreateCompilation(string name, IEnumerable<(string Path, string Text)> files, bool referenceFtpClient, ImmutableDictionary<string, ReportDiagnostic>? specificOptions = null, IEnumerable<string>? preprocessorSymbols = null, bool allowUnsafe = false, ImmutableArray<MetadataReference> frameworkReferences = default, LanguageVersion languageVersion = LanguageVersion.CSharp12)
    {
        var parseOptions = new CSharpParseOptions(languageVersion, preprocessorSymbols: preprocessorSymbols);
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, file.Path)).ToList();
        var framework = frameworkReferences.IsDefault ? CompilationReferences.Net80 : frameworkReferences;
        var references = referenceFtpClient ? framework.Add(CompilationReferences.FtpClient) : framework;
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: allowUnsafe,
            concurrentBuild: false,
            specificDiagnosticOptions: specificOptions);
        return CSharpCompilation.Create(name, trees, references, options);
    }

    /// <summary>
    /// The same compilation with every file parsed again from its text, as each build parses its
    /// files anew: what the analyzers keep per syntax tree (text searches, verdicts) is paid again,
    /// as in a build, instead of being found from the previous repetition.
    /// </summary>
    public static Compilation Reparsed(Compilation compilation)
        => compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(
            tree => CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, tree.FilePath)));

    /// <summary>Compile = all compiler diagnostics + emit to memory, without analyzers.</summary>
    public static TimeSpan Compile(Compilation compilation, out int errorCount)
    {
        var fresh = compilation.Clone();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = fresh.GetDiagnostics();
        using var peStream = new MemoryStream();
        fresh.Emit(peStream);
        stopwatch.Stop();
        errorCount = diagnostics.Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        return stopwatch.Elapsed;
    }

    public static async Task<AnalyzerRun> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions? options = null)
    {
        if (analyzers.IsEmpty)
            return new AnalyzerRun(TimeSpan.Zero, ImmutableArray<TimeSpan>.Empty, ImmutableArray<Diagnostic>.Empty, ImmutableArray<Diagnostic>.Empty, TimeSpan.Zero);

        var failures = new List<Diagnostic>();
        var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => { lock (failures) failures.Add(diagnostic); },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));
        var wall = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        wall.Stop();
        var perAnalyzer = ImmutableArray.CreateBuilder<TimeSpan>(analyzers.Length);
        foreach (var analyzer in analyzers)
            perAnalyzer.Add((await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime);
        var analyzerTime = perAnalyzer.Aggregate(TimeSpan.Zero, (sum, time) => sum + time);
        return new AnalyzerRun(analyzerTime, perAnalyzer.MoveToImmutable(), diagnostics, failures.ToImmutableArray(), wall.Elapsed);
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.OrderBy(sample => sample).ToArray();
        if (sorted.Length == 0)
            return TimeSpan.Zero;
        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : TimeSpan.FromTicks((sorted[sorted.Length / 2 - 1].Ticks + sorted[sorted.Length / 2].Ticks) / 2);
    }

    /// <summary>The value at <paramref name="percentile"/> (0–100) by the nearest-rank method.</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double percentile)
    {
        if (sorted.Count == 0)
            return TimeSpan.Zero;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
