using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FtpAnalyzers.PackageTests;

/// <summary>
/// A user's project that references Ftp.Client only: the rules must arrive with it, show in the
/// build, fail it under warnings-as-errors, and obey .editorconfig.
/// </summary>
public sealed class ConsumerBuildTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    private static readonly string ConsumersDirectory = Path.Combine(System.AppContext.BaseDirectory, "Consumers");

    [Fact]
    public void Every_rule_is_reported_at_the_marked_line_and_nowhere_else()
    {
        var build = CreateMistakesConsumer("warnings").Build();

        Assert.True(build.Succeeded, build.ToString());
        var expected = ExpectedDiagnostics("Mistakes.cs");
        Assert.Equal(10, expected.Length); // one of each rule, FTP0001-FTP0010
        Assert.Equal(expected, build.FtpDiagnostics.Select(d => $"{d.File}({d.Line}): {d.Severity} {d.Id}"));
    }

    [Fact]
    public void Warnings_as_errors_fails_the_build()
    {
        var build = CreateMistakesConsumer("warnaserror").Build("-warnaserror");

        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains(build.Diagnostics, d => d.Id == "FTP0001" && d.Severity == "error");
    }

    [Fact]
    public void Editorconfig_severity_none_silences_one_rule_only()
    {
        var build = CreateMistakesConsumer("editorconfig")
            .WithEditorConfig("dotnet_diagnostic.FTP0001.severity = none")
            .Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain(build.FtpDiagnostics, d => d.Id == "FTP0001");
        Assert.Contains(build.FtpDiagnostics, d => d.Id == "FTP0002");
    }

    [Fact]
    public void Editorconfig_severity_error_escalates_a_rule()
    {
        var build = CreateMistakesConsumer("escalate")
            .WithEditorConfig("dotnet_diagnostic.FTP0004.severity = error")
            .Build();

        Assert.False(build.Succeeded, build.ToString());
        Assert.Equal(["FTP0004"], build.Errors.Select(d => d.Id).Distinct());
    }

    private ConsumerProject CreateMistakesConsumer(string name)
        => feed.CreateConsumer(name)
            .WithSource("Mistakes.cs", File.ReadAllText(Path.Combine(ConsumersDirectory, "Mistakes.cs")))
            .WithSource("Correct.cs", File.ReadAllText(Path.Combine(ConsumersDirectory, "Correct.cs")));

    /// <summary>"Mistakes.cs(12): warning FTP0001" for every "// expect: FTP0001" comment.</summary>
    internal static string[] ExpectedDiagnostics(string fileName)
        => File.ReadLines(Path.Combine(ConsumersDirectory, fileName))
            .Select((text, index) => (Match: Regex.Match(text, @"// expect: (?<id>FTP\d{4})"), Line: index + 1))
            .Where(x => x.Match.Success)
            .Select(x => $"{fileName}({x.Line}): warning {x.Match.Groups["id"].Value}")
            .ToArray();
}
