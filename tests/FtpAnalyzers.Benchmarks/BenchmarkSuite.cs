using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.Benchmarks.Corpus;
using FtpAnalyzers.Benchmarks.Harness;
using FtpAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FtpAnalyzers.Benchmarks;

/// <summary>
/// The four analyzer benchmarks of issue 7. Every figure that is compared with another is measured
/// in the same run, on the same compilation, repetitions interleaved, and reported as a median.
/// </summary>
public sealed class BenchmarkSuite
{
    private const string Ca2000 = "CA2000";
    private const string GraphsOnlyName = "Roslyn control-flow graphs only (the floor of a CFG-based rule)";
    private const string OperationsOnlyName = "Operation trees only, every operation visited (the floor of an operation-based rule)";
    private const string WithoutSummariesName = "All FTP analyzers, helper calls left as escapes (no summaries)";

    private readonly BenchmarkSettings _settings;
    private readonly TextWriter _report;
    private readonly TextWriter _progress;
    private readonly ImmutableArray<DiagnosticAnalyzer> _ftp = AnalyzerCatalog.CreateProductAnalyzers();
    private readonly ImmutableArray<DiagnosticAnalyzer> _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
    private readonly ImmutableArray<DiagnosticAnalyzer> _graphsOnly = ImmutableArray.Create<DiagnosticAnalyzer>(new ControlFlowGraphAnalyzer());
    private readonly ImmutableArray<DiagnosticAnalyzer> _operationsOnly = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationTreeAnalyzer());
    private readonly List<string> _failures = new();

    public BenchmarkSuite(BenchmarkSettings settings, TextWriter report, TextWriter progress)
    {
        _settings = settings;
        _report = report;
        _progress = progress;
    }

    /// <summary>Analyzer exceptions seen during the run (each one is also printed).</summary>
    public IReadOnlyList<string> Failures => _failures;

    public async Task RunAsync()
    {
        WriteMachine();
        if (_settings.Runs("gate"))
            await GateCostAsync().ConfigureAwait(false);
        if (_settings.Runs("dense"))
            await DenseCodeAsync().ConfigureAwait(false);
        if (_settings.Runs("scaling"))
            await ScalingAsync().ConfigureAwait(false);
        if (_settings.Runs("latency"))
            await LatencyAsync().ConfigureAwait(false);
        if (_settings.Runs("real"))
            await RealCodeAsync().ConfigureAwait(false);
        if (_failures.Count > 0)
        {
            _report.WriteLine("## Analyzer exceptions");
            _report.WriteLine();
            foreach (var failure in _failures)
                _report.WriteLine("- " + failure);
            _report.WriteLine();
        }
    }

    private void WriteMachine()
    {
        var roslyn = typeof(CSharpCompilation).Assembly;
        _report.WriteLine("## Machine");
        _report.WriteLine();
        _report.WriteLine($"- Mode: {(_settings.Smoke ? "smoke (small corpora, 1 repetition: checks the harness, the figures mean nothing)" : $"full, median of {_settings.Repetitions} repetitions after one warm-up")}; seed {_settings.Seed}");
        _report.WriteLine($"- CPU: {Environment.ProcessorCount} logical cores ({RuntimeInformation.ProcessArchitecture}); OS: {RuntimeInformation.OSDescription}");
        _report.WriteLine($"- .NET: {RuntimeInformation.FrameworkDescription}; Roslyn: Microsoft.CodeAnalysis {roslyn.GetName().Version} ({InformationalVersion(roslyn)})");
        _report.WriteLine($"- Load average at start (1/5/15 min): {LoadAverage()} — figures from a busy machine are noisier, ratios less so since every configuration is interleaved");
        _report.WriteLine($"- FTP analyzers found: {(_ftp.IsEmpty ? "none" : string.Join(", ", _ftp.Select(Describe)))}");
        if (_ftp.IsEmpty)
            _report.WriteLine("- **No FTP analyzer was in this build** (none in FtpAnalyzers.dll): the FTP rows are empty and only the baselines are measured. Re-run once the rules are in.");
        _report.WriteLine("- Compile = GetDiagnostics() + Emit to memory, no analyzers. Compiler and analyzers run single-threaded " +
            "(concurrentBuild: false, concurrentAnalysis: false), so both figures are the same kind of time. " +
            "Analyzer time = Roslyn's own per-analyzer telemetry (logAnalyzerExecutionTime: true): time inside the analyzers' callbacks. " +
            "Tables 1–3 and 5 parse every file again (untimed) for each repetition, as a build does, so nothing the analyzers keep per syntax tree carries over from one repetition to the next.");
        _report.WriteLine();
    }

    // 1. Gate cost -------------------------------------------------------------------------------

    private async Task GateCostAsync()
    {
        _progress.WriteLine($"gate: generating {_settings.GateFiles} files");
        var compilation = Measurement.CreateCompilation("Gate", GateCorpus.Generate(_settings.GateFiles, _settings.Seed), referenceFtpClient: false);
        var measured = await MeasureAsync("gate", compilation, new (string, ImmutableArray<DiagnosticAnalyzer>, AnalyzerOptions?)[]
        {
            ("Empty analyzer (compilation-start action only)", _empty, null),
            ("All FTP analyzers", _ftp, null),
        }).ConfigureAwait(false);

        _report.WriteLine($"## 1. Gate cost: {_settings.GateFiles} files that do not reference Ftp.Client");
        _report.WriteLine();
        _report.WriteLine($"{compilation.SyntaxTrees.Count()} files, {LineCount(compilation)} lines: string splitting, arithmetic, LINQ, sockets; one file in 25 has a hand-written 227/229 reply parser.");
        _report.WriteLine();
        var table = new Table("Configuration", "Time (median)", "Share of compile", "Diagnostics");
        table.Add("Compile (no analyzers)", Table.Ms(measured.Compile), "100 %", measured.CompileErrors + " errors");
        foreach (var row in measured.Rows)
        {
            table.Add(row.Name, Table.Ms(row.AnalyzerTime), Table.Percent(row.AnalyzerTime, measured.Compile), row.DiagnosticCount.ToString());
            if (row == measured.Rows[1])
                AddPerAnalyzerRows(table, row, measured.Compile);
        }
        table.WriteTo(_report);
        var ftp = measured.Rows[1].AnalyzerTime;
        var empty = measured.Rows[0].AnalyzerTime;
        _report.WriteLine(_ftp.IsEmpty
            ? "FTP analyzers minus the empty analyzer: not measured, no FTP analyzer found."
            : $"FTP analyzers minus the empty analyzer: {Table.Ms(ftp - empty)} = {Table.Percent(ftp - empty, measured.Compile)} of compile time.");
        _report.WriteLine();
    }

    // 2. Dense FTP code --------------------------------------------------------------------------

    private async Task DenseCodeAsync()
    {
        _progress.WriteLine($"dense: generating {_settings.DenseMethods} methods");
        var compilation = DenseCompilation();
        var ca2000 = AnalyzerCatalog.CreateNetAnalyzers(Ca2000);
        var ca2000Default = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalConfigOptionsProvider(new Dictionary<string, string>
        {
            ["dotnet_diagnostic.CA2000.severity"] = "warning",
        }));
        var ca2000NoInterprocedural = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalConfigOptionsProvider(new Dictionary<string, string>
        {
            ["dotnet_diagnostic.CA2000.severity"] = "warning",
            ["dotnet_code_quality.CA2000.interprocedural_analysis_kind"] = "None",
        }));
        var measured = await MeasureAsync("dense", compilation, new (string, ImmutableArray<DiagnosticAnalyzer>, AnalyzerOptions?)[]
        {
            ("Empty analyzer (compilation-start action only)", _empty, null),
            ("All FTP analyzers", _ftp, null),
            ("CA2000, default (interprocedural)", ca2000, ca2000Default),
            ("CA2000, interprocedural_analysis_kind = None", ca2000, ca2000NoInterprocedural),
            (GraphsOnlyName, _graphsOnly, null),
            (OperationsOnlyName, _operationsOnly, null),
            (WithoutSummariesName, _ftp, null),
        }).ConfigureAwait(false);

        _report.WriteLine($"## 2. Dense FTP code: {_settings.DenseMethods} methods using Ftp.Client");
        _report.WriteLine();
        _report.WriteLine($"{compilation.SyntaxTrees.Count()} files, {LineCount(compilation)} lines; 10–50 commands per method through branches, loops, try/finally, async, lambdas and raw SendCommand; " +
            $"about one method in twelve has a sequence mistake, one method in ten leaks its connection and a StreamWriter. Each file also has three helpers that receive the connection (sign-in, upload, download) and one method that works through them, in one file in twelve with a mistake the helpers cause. CA2000 from Microsoft.CodeAnalysis.NetAnalyzers {NetAnalyzersVersion()} ({string.Join(", ", ca2000.Select(a => a.GetType().Name))}), enabled explicitly.");
        _report.WriteLine();
        var table = new Table("Configuration", "Time (median)", "Share of compile", "Diagnostics");
        table.Add("Compile (no analyzers)", Table.Ms(measured.Compile), "100 %", measured.CompileErrors + " errors");
        foreach (var row in measured.Rows)
        {
            table.Add(row.Name, Table.Ms(row.AnalyzerTime), Table.Percent(row.AnalyzerTime, measured.Compile), row.DiagnosticCount.ToString());
            if (row == measured.Rows[1])
                AddPerAnalyzerRows(table, row, measured.Compile);
        }
        table.WriteTo(_report);

        var ftp = measured.Rows[1].AnalyzerTime;
        var share = ftp.TotalMilliseconds / measured.Compile.TotalMilliseconds;
        var versusDefault = ftp.TotalMilliseconds / measured.Rows[2].AnalyzerTime.TotalMilliseconds;
        var versusNone = ftp.TotalMilliseconds / measured.Rows[3].AnalyzerTime.TotalMilliseconds;
        var graphs = measured.Rows[4].AnalyzerTime;
        _report.WriteLine($"- FTP / compile: {Table.Percent(ftp, measured.Compile)} (target ≤ 5 %: {Verdict(_ftp.IsEmpty ? double.NaN : share, 0.05)})");
        _report.WriteLine($"- FTP / CA2000 default: {Table.Ratio(versusDefault)} (target ≤ 0.15×: {Verdict(_ftp.IsEmpty ? double.NaN : versusDefault, 0.15)})");
        _report.WriteLine($"- FTP / CA2000 interprocedural None: {Table.Ratio(versusNone)} (target ≤ 0.15×: {Verdict(_ftp.IsEmpty ? double.NaN : versusNone, 0.15)})");
        var operations = measured.Rows[5].AnalyzerTime;
        _report.WriteLine($"- Roslyn building the control-flow graphs alone: {Table.Percent(graphs, measured.Compile)} of compile; the FTP analyzers above that floor: {Table.Percent(ftp - graphs, measured.Compile)} of compile, {Table.Ratio(ftp.TotalMilliseconds / graphs.TotalMilliseconds)} the floor");
        _report.WriteLine($"- Binding the same members into operation trees alone: {Table.Percent(operations, measured.Compile)} of compile; the FTP analyzers above it: {Table.Percent(ftp - operations, measured.Compile)} of compile");
        var withoutSummaries = measured.Rows[6];
        _report.WriteLine($"- Helper summaries (each file's three helpers and the method that calls them): {Table.Ms(ftp - withoutSummaries.AnalyzerTime)}, {Table.Percent(ftp - withoutSummaries.AnalyzerTime, measured.Compile)} of compile; without them the calls are escapes and {measured.Rows[1].DiagnosticCount - withoutSummaries.DiagnosticCount} diagnostics fewer are found");
        _report.WriteLine();
    }

    private CSharpCompilation DenseCompilation()
        => Measurement.CreateCompilation(
            "Dense",
            DenseFtpCorpus.Generate(_settings.DenseMethods, _settings.Seed),
            referenceFtpClient: true,
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(Ca2000, ReportDiagnostic.Warn));

    // 3. Scaling ---------------------------------------------------------------------------------

    private async Task ScalingAsync()
    {
        var cases = new List<(string Name, string Text)>();
        foreach (var count in _settings.StraightLineStatements)
            cases.Add(($"Straight line, {count:N0} statements", ScalingCorpus.StraightLine(count)));
        cases.Add(($"~{_settings.ManyBlocks:N0}-block CFG (if/else and for in sequence)", ScalingCorpus.ManyBlocks(_settings.ManyBlocks)));
        cases.Add(($"Nesting {_settings.NestingDepth} deep (if/while/try/using)", ScalingCorpus.DeepNesting(_settings.NestingDepth)));

        var table = new Table("Method", "Statements", "CFG blocks", "Compile", "FTP analyzers", "FTP per 1k statements", "Roslyn CFG build", "FTP flow analysis", "FTP diagnostics", "Early mistake", "Late mistake");
        var straightLine = new List<TimeSpan>();
        var straightLineGraphs = new List<TimeSpan>();
        var straightLineFlows = new List<TimeSpan>();
        var straightLineAnalyzed = new List<bool>();
        foreach (var (name, text) in cases)
        {
            _progress.WriteLine($"scaling: {name}");
            var compilation = Measurement.CreateCompilation("Scaling", new[] { ("Scaling/Huge.cs", text) }, referenceFtpClient: true);
            var measured = await MeasureAsync(name, compilation, new (string, ImmutableArray<DiagnosticAnalyzer>, AnalyzerOptions?)[] { ("FTP", _ftp, null) }).ConfigureAwait(false);
            var row = measured.Rows[0];
            var (blocks, graphBuild, flowAnalysis) = MeasureGraphAndFlow(compilation);
            if (name.StartsWith("Straight line", StringComparison.Ordinal))
            {
                straightLine.Add(row.AnalyzerTime);
                straightLineGraphs.Add(graphBuild);
                straightLineFlows.Add(flowAnalysis);
                straightLineAnalyzed.Add(row.DiagnosticCount > 0);
            }
            var statements = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single().DescendantNodes().OfType<StatementSyntax>().Count();
            table.Add(
                name,
                statements.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                blocks.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Table.Ms(measured.Compile),
                Table.Ms(row.AnalyzerTime),
                Table.Ms(TimeSpan.FromTicks(row.AnalyzerTime.Ticks * 1000 / Math.Max(1, statements))),
                Table.Ms(graphBuild),
                Table.Ms(flowAnalysis),
                row.DiagnosticCount.ToString(),
                ReportedOnLineWith(row.Diagnostics, "early.txt"),
                ReportedOnLineWith(row.Diagnostics, "late.txt"));
        }

        var sizes = _settings.StraightLineStatements;
        _report.WriteLine("## 3. Scaling: one huge method");
        _report.WriteLine();
        _report.WriteLine("Each method logs in, sends RNTO without RNFR right away (early mistake) and again as its last statement (late mistake). " +
            "\"yes\"/\"no\" says whether any FTP diagnostic is reported on that line: a bounded analysis that gives up must do so quietly (no diagnostic, no exception). " +
            $"The sequence rules skip a member longer than {FtpAnalyzers.Rules.SequenceRuleAnalyzer.MaxMemberLength:N0} characters before building its graph. " +
            "The last two time columns are measured apart from the analyzers, whatever that bound says (median of the repetitions, each after a full garbage collection): Roslyn building the member's control-flow graph (ControlFlowGraph.Create), then the FTP flow analysis on that graph.");
        _report.WriteLine();
        table.WriteTo(_report);
        var growth = straightLine[^1].TotalMilliseconds / straightLine[0].TotalMilliseconds;
        var sizeRatio = (double)sizes[^1] / sizes[0];
        var skipped = straightLineAnalyzed[^1] ? "" : $", because the {sizes[^1]:N0}-statement method is past the size bound and skipped quietly";
        _report.WriteLine($"- FTP time {sizes[^1]:N0} / {sizes[0]:N0} statements: {Table.Ratio(growth)} for {sizeRatio:0}× the code (target ≤ {sizeRatio * 1.25:0}×: {Verdict(_ftp.IsEmpty ? double.NaN : growth, sizeRatio * 1.25)}{skipped})");
        var graphGrowth = straightLineGraphs[^1].TotalMilliseconds / straightLineGraphs[0].TotalMilliseconds;
        var flowGrowth = straightLineFlows[^1].TotalMilliseconds / straightLineFlows[0].TotalMilliseconds;
        _report.WriteLine($"- Roslyn building the graph, {sizes[^1]:N0} / {sizes[0]:N0} statements: {Table.Ratio(graphGrowth)}; the FTP flow analysis on the graph: {Table.Ratio(flowGrowth)}");
        _report.WriteLine();
    }

    /// <summary>The one method's control-flow graph: its blocks, the median time of building it, and of the FTP flow analysis on it.</summary>
    private (int Blocks, TimeSpan GraphBuild, TimeSpan FlowAnalysis) MeasureGraphAndFlow(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        if (model.GetOperation(method) is not IMethodBodyOperation body || FtpAnalyzers.Protocol.FtpSymbols.TryCreate(compilation) is not { } symbols)
            return (0, TimeSpan.Zero, TimeSpan.Zero);

        var blocks = 0;
        var builds = new List<TimeSpan>();
        var flows = new List<TimeSpan>();
        for (var repetition = 0; repetition < (_settings.Smoke ? 1 : _settings.Repetitions + 1); repetition++)
        {
            // A full collection before each timing: neither pays for the garbage the other left (a graph
            // of 20,000 statements is over a hundred megabytes, which the next collection has to trace).
            CollectGarbage();
            var stopwatch = Stopwatch.StartNew();
            var graph = ControlFlowGraph.Create(body);
            builds.Add(stopwatch.Elapsed);
            blocks = graph.Blocks.Length;
            CollectGarbage();
            stopwatch.Restart();
            FtpAnalyzers.Flow.ConnectionFlowAnalysis.Analyze(graph, symbols, CancellationToken.None);
            flows.Add(stopwatch.Elapsed);
        }

        return (blocks, Measurement.Median(builds), Measurement.Median(flows));
    }

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string ReportedOnLineWith(ImmutableArray<Diagnostic> diagnostics, string marker)
        => diagnostics.Any(diagnostic => diagnostic.Location.IsInSource
            && diagnostic.Location.SourceTree!.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString().Contains(marker, StringComparison.Ordinal))
            ? "yes" : "no";

    // 4. Latency per method and per file----------------------------------------------------------------

    private async Task LatencyAsync()
    {
        _progress.WriteLine("latency: per-method and per-file analysis of the dense corpus");
        var compilation = DenseCompilation();
        var methods = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Select(method => (tree, (TextSpan?)method.FullSpan)))
            .ToList();
        var files = compilation.SyntaxTrees.Select(tree => (tree, (TextSpan?)null)).ToList();
        var table = new Table("Request", "Analyzers", "Requests", "p50", "p90", "p99", "Max", "Diagnostics") { TextColumns = 2 };
        foreach (var (request, spans) in new[] { ("One method", methods), ("One file", files) })
        {
            foreach (var (name, analyzers) in new[] { ("Empty analyzer", _empty), ("Operation trees only", _operationsOnly), ("Control-flow graphs only", _graphsOnly), ("All FTP analyzers", _ftp) })
            {
                if (analyzers.IsEmpty)
                {
                    table.Add(request, name + " (none found)", "0", "n/a", "n/a", "n/a", "n/a", "0");
                    continue;
                }
                var (times, diagnostics) = await PerRequestAsync(compilation, analyzers, spans).ConfigureAwait(false);
                table.Add(request, name, times.Count.ToString(), Table.Ms(Measurement.Percentile(times, 50)), Table.Ms(Measurement.Percentile(times, 90)),
                    Table.Ms(Measurement.Percentile(times, 99)), Table.Ms(times.Count == 0 ? TimeSpan.Zero : times[^1]), diagnostics.ToString());
            }
        }
        _report.WriteLine("## 4. Latency per method and per file (the IDE's view)");
        _report.WriteLine();
        _report.WriteLine("Wall time of CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span) for each method (span = the method) " +
            $"and for each file (no span, {DenseFtpCorpus.MethodsPerFile} methods) of the dense corpus, with semantic models that have already bound their file " +
            "(as in the IDE, where the compiler has bound the file before analyzers ask), after one warm-up request. " +
            "It includes the analyzer driver's own work for the request (building the operation trees the analyzers ask for), which the telemetry of tables 1–3 leaves out; " +
            "the empty analyzer shows the driver's fixed overhead, and \"control-flow graphs only\" the floor of the sequence rules: binding the members they analyze and building their graphs, nothing else. Diagnostics = those inside the requested span.");
        _report.WriteLine();
        table.WriteTo(_report);
    }

    private async Task<(List<TimeSpan> Times, int Diagnostics)> PerRequestAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, List<(SyntaxTree Tree, TextSpan? Span)> requests)
    {
        // The IDE asks with a semantic model that has already bound the file; so does this.
        var fresh = compilation.Clone();
        var models = fresh.SyntaxTrees.ToDictionary(tree => tree, tree => fresh.GetSemanticModel(tree));
        foreach (var model in models.Values)
            model.GetDiagnostics();
        var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => Fail($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));
        // Warm-up: the compilation-start actions run on the first request; the IDE has long run them.
        var (warmTree, warmSpan) = requests[0];
        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(models[warmTree], warmSpan, CancellationToken.None).ConfigureAwait(false);

        var times = new List<TimeSpan>(requests.Count);
        var found = 0;
        foreach (var (tree, span) in requests.Skip(1))
        {
            var model = models[tree];
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span, CancellationToken.None).ConfigureAwait(false);
            stopwatch.Stop();
            times.Add(stopwatch.Elapsed);
            found += diagnostics.Count(diagnostic => span is null || span.Value.IntersectsWith(diagnostic.Location.SourceSpan));
        }
        times.Sort();
        return (times, found);
    }

    // 5. Real code ------------------------------------------------------------------------------

    private async Task RealCodeAsync()
    {
        var corpora = new List<RealCodeCorpus> { RealCodeCorpus.Polyfill(_settings.PolyfillFiles) };
        corpora.AddRange(_settings.RealFolders.Select(folder => RealCodeCorpus.Folder(folder, speaksFtp: false)));
        corpora.AddRange(_settings.RealFtpFolders.Select(folder => RealCodeCorpus.Folder(folder, speaksFtp: true)));

        _report.WriteLine("## 5. Real code: sources no one here wrote");
        _report.WriteLine();
        _report.WriteLine("Each corpus is parsed with the newest C# this Roslyn knows (Polyfill uses C# 14 extension blocks: on Roslyn 4.8 those files do not parse, " +
            "and rules that skip code with syntax errors skip their members; run with -p:RoslynTestVersion=5.12.0 to parse them) and compiled as one compilation against the .NET 10 reference pack, twice: as a project that installs " +
            "the client (Ftp.Client referenced, so every rule runs) and as one that installs FtpAnalyzers alone (only FTP0006/FTP0007 run). " +
            "Share = time inside the FTP analyzers' callbacks (telemetry, as in tables 1–2) over compile. " +
            "Wall overhead = the whole analysis pass with the FTP analyzers minus the same pass with the empty analyzer: " +
            "it adds the driver's work the analyzers cause (binding members again, building operation trees), which the telemetry leaves out. Any analyzer with more than a compilation-start action makes the driver bind the whole compilation, so most of it is what running any analyzer costs (a build with the SDK's default analyzers pays it already): an upper bound, not the FTP rules' own cost. " +
            "Targets (issue 11): code without FTP ≤ 0.50 % with Ftp.Client referenced, ≤ 0.30 % with FtpAnalyzers alone; " +
            "the source of an FTP library that does not use Ftp.Client (`--real-ftp DIR`) ≤ 1.00 %.");
        _report.WriteLine();
        var table = new Table("Corpus", "Ftp.Client", "Files", "Compile", "FTP analyzers", "Share of compile", "Target", "Wall overhead", "Diagnostics") { TextColumns = 2 };
        foreach (var corpus in corpora)
        {
            foreach (var referenceFtpClient in new[] { true, false })
            {
                var label = $"real: {corpus.Name}, {(referenceFtpClient ? "with" : "without")} Ftp.Client";
                _progress.WriteLine(label);
                var compilation = Measurement.CreateCompilation(corpus.Name, corpus.Files, referenceFtpClient, preprocessorSymbols: corpus.PreprocessorSymbols, allowUnsafe: true, frameworkReferences: CompilationReferences.Net100, languageVersion: LanguageVersion.Preview);
                var measured = await MeasureAsync(label, compilation, new (string, ImmutableArray<DiagnosticAnalyzer>, AnalyzerOptions?)[]
                {
                    ("Empty analyzer (compilation-start action only)", _empty, null),
                    ("All FTP analyzers", _ftp, null),
                }).ConfigureAwait(false);
                var ftp = measured.Rows[1];
                var wallOverhead = ftp.WallTime - measured.Rows[0].WallTime;
                table.Add(
                    corpus.Name,
                    referenceFtpClient ? "referenced" : "not referenced",
                    $"{corpus.Files.Count} ({corpus.LineCount:N0} lines, {measured.CompileErrors} compile errors)",
                    Table.Ms(measured.Compile),
                    Table.Ms(ftp.AnalyzerTime),
                    Table.Percent(ftp.AnalyzerTime, measured.Compile),
                    RealCodeVerdict(ftp.AnalyzerTime, measured.Compile, corpus.SpeaksFtp ? 0.01 : referenceFtpClient ? 0.005 : 0.003),
                    Table.Percent(wallOverhead, measured.Compile),
                    ftp.DiagnosticCount.ToString());
                for (var index = 0; index < _ftp.Length; index++)
                {
                    if (ftp.PerAnalyzer[index] > TimeSpan.Zero)
                        table.Add("  " + Describe(_ftp[index]), "", "", "", Table.Ms(ftp.PerAnalyzer[index]), Table.Percent(ftp.PerAnalyzer[index], measured.Compile), "", "", "");
                }
            }
        }
        table.WriteTo(_report);
        foreach (var corpus in corpora)
            _report.WriteLine($"- {corpus.Name}: {corpus.Origin}");
        _report.WriteLine();
    }

    private string RealCodeVerdict(TimeSpan analyzers, TimeSpan compile, double target)
        => $"≤ {100 * target:0.00} %: {Verdict(_ftp.IsEmpty ? double.NaN : analyzers.TotalMilliseconds / compile.TotalMilliseconds, target)}";

    // Shared -------------------------------------------------------------------------------------

    private sealed record Row(string Name, TimeSpan AnalyzerTime, ImmutableArray<TimeSpan> PerAnalyzer, int DiagnosticCount, ImmutableArray<Diagnostic> Diagnostics, TimeSpan WallTime);

    private sealed record Measured(TimeSpan Compile, int CompileErrors, IReadOnlyList<Row> Rows);

    /// <summary>
    /// Compile and every configuration once per repetition, interleaved so that a slow moment of the
    /// machine hits all of them alike; one extra warm-up repetition is discarded in full mode. Each
    /// repetition runs on newly parsed trees (<see cref="Measurement.Reparsed"/>), parsing untimed.
    /// </summary>
    private async Task<Measured> MeasureAsync(string label, Compilation parsed, IReadOnlyList<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, AnalyzerOptions? Options)> configurations)
    {
        var compileTimes = new List<TimeSpan>();
        var runs = configurations.Select(_ => new List<AnalyzerRun>()).ToArray();
        var compileErrors = 0;
        var warmUp = _settings.Smoke ? 0 : 1;
        for (var repetition = 0; repetition < warmUp + _settings.Repetitions; repetition++)
        {
            _progress.WriteLine($"  {label}: repetition {repetition + 1 - warmUp}/{_settings.Repetitions}{(repetition < warmUp ? " (warm-up)" : "")}");
            var compilation = Measurement.Reparsed(parsed);
            var compile = Measurement.Compile(compilation, out compileErrors);
            if (repetition >= warmUp)
                compileTimes.Add(compile);
            for (var index = 0; index < configurations.Count; index++)
            {
                // The one configuration that runs the same rules with helper summaries switched off.
                HelperSummaries.WithoutSummaries = configurations[index].Name == WithoutSummariesName;
                AnalyzerRun run;
                try
                {
                    run = await Measurement.AnalyzeAsync(compilation, configurations[index].Analyzers, configurations[index].Options).ConfigureAwait(false);
                }
                finally
                {
                    HelperSummaries.WithoutSummaries = false;
                }
                foreach (var failure in run.Failures)
                    Fail($"{label} / {configurations[index].Name}: {failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                if (repetition >= warmUp)
                    runs[index].Add(run);
            }
        }

        var rows = configurations.Select((configuration, index) => new Row(
            configuration.Analyzers.IsEmpty ? configuration.Name + " (none found)" : configuration.Name,
            Measurement.Median(runs[index].Select(run => run.AnalyzerTime)),
            Enumerable.Range(0, configuration.Analyzers.Length).Select(analyzer => Measurement.Median(runs[index].Select(run => run.PerAnalyzer[analyzer]))).ToImmutableArray(),
            runs[index][^1].Diagnostics.Length,
            runs[index][^1].Diagnostics,
            Measurement.Median(runs[index].Select(run => run.WallTime)))).ToList();
        return new Measured(Measurement.Median(compileTimes), compileErrors, rows);
    }

    private void AddPerAnalyzerRows(Table table, Row ftpRow, TimeSpan compile)
    {
        for (var index = 0; index < _ftp.Length; index++)
        {
            var count = ftpRow.Diagnostics.Count(diagnostic => _ftp[index].SupportedDiagnostics.Any(descriptor => descriptor.Id == diagnostic.Id));
            table.Add("  " + Describe(_ftp[index]), Table.Ms(ftpRow.PerAnalyzer[index]), Table.Percent(ftpRow.PerAnalyzer[index], compile), count.ToString());
        }
    }

    private void Fail(string message)
    {
        lock (_failures)
            _failures.Add(message);
        _progress.WriteLine("ANALYZER EXCEPTION: " + message);
    }

    private static string Describe(DiagnosticAnalyzer analyzer)
        => $"{analyzer.GetType().Name} ({string.Join("/", analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id).Distinct())})";

    private static string Verdict(double value, double target)
        => double.IsNaN(value) ? "not measured, no FTP analyzer found" : value <= target ? "met" : "MISSED";

    private static int LineCount(Compilation compilation)
        => compilation.SyntaxTrees.Sum(tree => tree.GetText().Lines.Count);

    private static string InformationalVersion(System.Reflection.Assembly assembly)
        => assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "?";

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string NetAnalyzersVersion()
        => Path.GetFileName(CompilationReferences.BuildMetadata("NetAnalyzersPackagePath").TrimEnd('/', '\\'));
}
