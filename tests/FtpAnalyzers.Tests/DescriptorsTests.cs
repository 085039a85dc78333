using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FtpAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Tests;

/// <summary>Every rule an analyzer ships has its documentation page, and the help link points at it.</summary>
public class DescriptorsTests
{
    private const string HelpLinkPrefix = "https://github.com/FtpAnalyzers/FtpAnalyzers/blob/main/";

    public static TheoryData<string> ShippedRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in ShippedDescriptors())
            data.Add(descriptor.Id);
        return data;
    }

    [Fact]
    public void EverySequenceRuleHasAnAnalyzer()
        => Assert.Equal(
            new[] { "FTP0001", "FTP0002", "FTP0003", "FTP0004", "FTP0005" },
            ShippedDescriptors().Select(d => d.Id).Where(id => string.CompareOrdinal(id, "FTP0005") <= 0).OrderBy(id => id, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ShippedRuleIds))]
    public void HelpLinkPointsAtTheRulePage(string id)
    {
        var descriptor = ShippedDescriptors().First(d => d.Id == id);
        Assert.Equal(HelpLinkPrefix + "docs/rules/" + id + ".md", descriptor.HelpLinkUri);
        var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{descriptor.HelpLinkUri} has no page at {page}");
        Assert.StartsWith("# " + id + ": " + descriptor.Title, File.ReadAllLines(page)[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleIds))]
    public void RuleIsListedInTheUnshippedReleaseWithItsAnalyzer(string id)
    {
        var release = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "FtpAnalyzers", "AnalyzerReleases.Unshipped.md"));
        var row = release.SingleOrDefault(line => line.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.NotNull(row);
        var analyzer = AnalyzerTypes().First(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Any(d => d.Id == id));
        Assert.EndsWith("| " + analyzer.Name, row!.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>The descriptors of the analyzers present in FtpAnalyzers (a rule still being written has none).</summary>
    private static IEnumerable<DiagnosticDescriptor> ShippedDescriptors()
        => AnalyzerTypes()
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .GroupBy(d => d.Id)
            .Select(g => g.First());

    private static IEnumerable<Type> AnalyzerTypes()
        => typeof(SequenceRuleAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FtpAnalyzers.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("FtpAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
