using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FtpAnalyzers.Benchmarks;
using FtpAnalyzers.Benchmarks.Harness;
using Xunit.Abstractions;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>Runs the benchmark's smoke mode in-process, so the harness cannot rot between full runs.</summary>
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Smoke_run_prints_every_table_without_analyzer_exceptions()
    {
        var report = new StringWriter();
        var failures = await Program.RunAsync(BenchmarkSettings.SmokeRun, report, TextWriter.Null);
        var text = report.ToString();
        output.WriteLine(text);

        Assert.Equal(0, failures);
        Assert.Contains("## Machine", text);
        Assert.Contains("## 1. Gate cost", text);
        Assert.Contains("## 2. Dense FTP code", text);
        Assert.Contains("## 3. Scaling", text);
        Assert.Contains("## 4. Latency per method and per file", text);
        Assert.Contains("## 5. Real code", text);
        foreach (var analyzer in AnalyzerCatalog.CreateProductAnalyzers())
            Assert.Contains(analyzer.GetType().Name, text);
    }

    [Fact]
    public void Ca2000_loads_from_NetAnalyzers_against_this_Roslyn()
    {
        var analyzers = AnalyzerCatalog.CreateNetAnalyzers("CA2000");
        Assert.NotEmpty(analyzers);
        Assert.All(analyzers, analyzer => Assert.Contains(analyzer.SupportedDiagnostics, descriptor => descriptor.Id == "CA2000"));
    }
}
