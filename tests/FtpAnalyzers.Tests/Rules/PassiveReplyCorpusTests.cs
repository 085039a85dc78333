using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FtpAnalyzers.Rules;
using FtpAnalyzers.Tests.PassiveReply;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace FtpAnalyzers.Tests.Rules;

/// <summary>
/// Runs FTP0006 and FTP0007 over the corpus in PassiveReplyCorpus/: hand-written 227 parsers
/// (Parsers/, each expected exactly where its markup says), look-alikes (LookAlikes/, no markup,
/// expected silent) and parsers the rules knowingly miss (Missed/, no markup: they document the
/// limits of the analysis and count as misses in the measurement). Files that say "using Ftp;" are compiled with Ftp.Client, the others without.
/// </summary>
public sealed class PassiveReplyCorpusTests
{
    private readonly ITestOutputHelper _output;

    public PassiveReplyCorpusTests(ITestOutputHelper output) => _output = output;

    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Rules", "PassiveReplyCorpus");

    public static IEnumerable<object[]> Files()
        => Directory.GetFiles(CorpusDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => new object[] { Path.GetRelativePath(CorpusDirectory, path) })
            .OrderBy(file => (string)file[0], StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Reports_exactly_what_the_markup_says(string file)
    {
        var result = await AnalyzeAsync(file);
        Assert.Equal(result.Expected, result.Actual);
    }

    [Fact]
    public async Task Measurement()
    {
        int parsers = 0, parsersFlagged = 0, missed = 0, lookAlikes = 0, lookAlikeAlarms = 0, expected0007 = 0, found0007 = 0, false0007 = 0;
        foreach (var file in Files().Select(f => (string)f[0]))
        {
            var result = await AnalyzeAsync(file);
            var isParser = file.StartsWith("Parsers", StringComparison.Ordinal);
            if (isParser)
            {
                parsers++;
                if (result.Expected.Where(d => d.Id == "FTP0006").SequenceEqual(result.Actual.Where(d => d.Id == "FTP0006")))
                    parsersFlagged++;
            }
            else if (file.StartsWith("Missed", StringComparison.Ordinal))
            {
                missed++;
            }
            else
            {
                lookAlikes++;
                if (result.Actual.Count > 0)
                    lookAlikeAlarms++;
            }
            var expected = result.Expected.Where(d => d.Id == "FTP0007").ToList();
            var actual = result.Actual.Where(d => d.Id == "FTP0007").ToList();
            expected0007 += expected.Count;
            found0007 += actual.Count(expected.Contains);
            false0007 += actual.Count(d => !expected.Contains(d));
        }

        _output.WriteLine($"FTP0006: {parsersFlagged} of {parsers + missed} hand-written parsers flagged exactly once ({missed} known misses in Missed/); {lookAlikeAlarms} of {lookAlikes} look-alikes raised a diagnostic.");
        _output.WriteLine($"FTP0007: {found0007} of {expected0007} connections to the advertised address found; {false0007} false alarms.");
        Assert.True(parsers >= 25 && lookAlikes >= 20, "the corpus shrank");
        Assert.Equal(parsers, parsersFlagged);
        Assert.Equal(0, lookAlikeAlarms);
        Assert.Equal(expected0007, found0007);
        Assert.Equal(0, false0007);
    }

    private static async Task<(List<(string Id, TextSpan Span)> Expected, List<(string Id, TextSpan Span)> Actual)> AnalyzeAsync(string file)
    {
        var markup = File.ReadAllText(Path.Combine(CorpusDirectory, file));
        TestFileMarkupParser.GetSpans(markup, out string source, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
        var expected = spans.SelectMany(pair => pair.Value.Select(span => (Id: pair.Key, Span: span))).OrderBy(d => d.Span.Start).ThenBy(d => d.Id).ToList();

        var compilation = RuntimeCompilation.Create(source, referenceFtpClient: source.Contains("using Ftp;"));
        Assert.Empty(RuntimeCompilation.Errors(compilation));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HandWrittenPassiveReplyParsingAnalyzer(), new AdvertisedPassiveAddressAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        var actual = diagnostics.Select(d => (Id: d.Id, Span: d.Location.SourceSpan)).OrderBy(d => d.Span.Start).ThenBy(d => d.Id).ToList();
        return (expected, actual);
    }
}
