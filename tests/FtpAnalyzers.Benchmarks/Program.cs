using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace FtpAnalyzers.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/FtpAnalyzers.Benchmarks</c>: the full run, written to
/// docs/performance.md; <c>-- --smoke</c>: every table on small corpora in seconds (CI runs it
/// through <see cref="RunAsync"/>). Options: <c>--repetitions N</c>, <c>--dense-methods N</c> (a smaller dense corpus, never written), <c>--no-write</c>, <c>--real DIR</c>
/// and <c>--real-ftp DIR</c> (repeatable: a folder of real C# code without FTP, or an FTP library's
/// source, measured in the real-code table), <c>--only TABLE</c> (one
/// table alone, for quick local runs; never written to docs/performance.md).
/// </summary>
public static class Program
{
    public const string Command = "dotnet run -c Release --project tests/FtpAnalyzers.Benchmarks";

    public static async Task<int> Main(string[] args)
    {
        var settings = BenchmarkSettings.Full;
        var write = true;
        var folders = new System.Collections.Generic.List<string>();
        var ftpFolders = new System.Collections.Generic.List<string>();
        string? only = null;
        for (var index = 0; index < args.Length; index++)
        {
            switch (args[index])
            {
                case "--smoke":
                    settings = BenchmarkSettings.SmokeRun;
                    write = false;
                    break;
                case "--repetitions" when index + 1 < args.Length && int.TryParse(args[index + 1], out var repetitions) && repetitions > 0:
                    settings = settings with { Repetitions = repetitions };
                    index++;
                    break;
                case "--dense-methods" when index + 1 < args.Length && int.TryParse(args[index + 1], out var methods) && methods > 0:
                    settings = settings with { DenseMethods = methods };
                    write = false;
                    index++;
                    break;
                case "--no-write":
                    write = false;
                    break;
                case "--real" when index + 1 < args.Length:
                    folders.Add(args[++index]);
                    break;
                case "--real-ftp" when index + 1 < args.Length:
                    ftpFolders.Add(args[++index]);
                    break;
                case "--only" when index + 1 < args.Length && args[index + 1] is "gate" or "dense" or "scaling" or "latency" or "real":
                    only = args[++index];
                    write = false;
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[index]}'; usage: {Command} [-- --smoke | --repetitions N | --dense-methods N | --no-write | --real DIR | --real-ftp DIR | --only gate|dense|scaling|latency|real]");
                    return 2;
            }
        }

        settings = settings with { RealFolders = folders.ToArray(), RealFtpFolders = ftpFolders.ToArray(), Only = only };
        var report = new StringWriter();
        var failures = await RunAsync(settings, new EchoWriter(report, Console.Out), Console.Error).ConfigureAwait(false);
        if (write)
        {
            var path = Path.Combine(FindRepositoryRoot(), "docs", "performance.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var kept = File.Exists(path) ? KeptSections(File.ReadAllText(path)) : "";
            File.WriteAllText(path, PerformanceDocument(report.ToString(), settings) + kept);
            Console.Error.WriteLine($"written to {path}");
        }
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Runs every benchmark, writes the tables to <paramref name="report"/>; returns the number of analyzer exceptions.</summary>
    public static async Task<int> RunAsync(BenchmarkSettings settings, TextWriter report, TextWriter progress)
    {
        var suite = new BenchmarkSuite(settings, report, progress);
        await suite.RunAsync().ConfigureAwait(false);
        return suite.Failures.Count;
    }

    private static string PerformanceDocument(string tables, BenchmarkSettings settings)
    {
        var text = new StringBuilder();
        text.AppendLine("# Performance");
        text.AppendLine();
        text.AppendLine("What the FTP analyzers cost, measured by the benchmark in `tests/FtpAnalyzers.Benchmarks`.");
        text.AppendLine("This file is written by the last full run of:");
        text.AppendLine();
        text.AppendLine("```");
        var options = (settings.Repetitions == BenchmarkSettings.Full.Repetitions ? "" : $" --repetitions {settings.Repetitions}")
            + string.Concat(settings.RealFolders.Select(folder => " --real " + folder))
            + string.Concat(settings.RealFtpFolders.Select(folder => " --real-ftp " + folder));
        text.AppendLine(options.Length == 0 ? Command : $"{Command} --{options}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine($"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. `{Command} -- --smoke` runs every table on small corpora in seconds (CI does, so the harness cannot rot).");
        text.AppendLine();
        text.Append(tables);
        return text.ToString();
    }

    /// <summary>
    /// Sections of docs/performance.md measured elsewhere (the editor test's timings), between
    /// <c>&lt;!-- kept --&gt;</c> and <c>&lt;!-- /kept --&gt;</c>: a benchmark run rewrites the rest, not them.
    /// </summary>
    private static string KeptSections(string document)
    {
        var kept = new StringBuilder();
        for (var start = document.IndexOf("<!-- kept -->", StringComparison.Ordinal); start >= 0; start = document.IndexOf("<!-- kept -->", start + 1, StringComparison.Ordinal))
        {
            var end = document.IndexOf("<!-- /kept -->", start, StringComparison.Ordinal);
            if (end < 0)
                break;
            kept.AppendLine().Append(document, start, end - start + "<!-- /kept -->".Length).AppendLine();
        }

        return kept.ToString();
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FtpAnalyzers.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("Run from inside the repository: FtpAnalyzers.sln was not found above the current folder.");
    }

    /// <summary>Writes to the report and echoes to the console as it goes.</summary>
    private sealed class EchoWriter(TextWriter report, TextWriter console) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            report.Write(value);
            console.Write(value);
        }

        public override void Write(string? value)
        {
            report.Write(value);
            console.Write(value);
        }
    }
}
