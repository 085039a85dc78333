using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace FtpAnalyzers.PackageTests;

/// <summary>What is inside the two packages: the layout xunit.analyzers uses.</summary>
public sealed class PackageLayoutTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    [Fact]
    public void FtpAnalyzers_carries_analyzers_and_fixers_only()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath("FtpAnalyzers"));
        var files = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/FtpAnalyzers.dll", files);
        Assert.Contains("analyzers/dotnet/cs/FtpAnalyzers.CodeFixes.dll", files);
        Assert.Contains("analyzers/dotnet/cs/FtpAnalyzers.pdb", files);
        Assert.DoesNotContain(files, f => f.StartsWith("lib/"));
        Assert.DoesNotContain(files, f => f.StartsWith("analyzers/") && f.Contains("Microsoft.CodeAnalysis"));

        var metadata = Nuspec(package);
        Assert.Equal("true", Element(metadata, "developmentDependency"));
        Assert.Empty(metadata.Descendants(metadata.Name.Namespace + "dependency"));
        AssertCommonMetadata(metadata);
    }

    [Fact]
    public void Ftp_Client_carries_the_library_and_depends_on_the_analyzers_with_their_analyzer_assets()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath("Ftp.Client"));
        var files = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("lib/netstandard2.0/Ftp.Client.dll", files);
        Assert.Contains("lib/net8.0/Ftp.Client.dll", files);
        Assert.DoesNotContain(files, f => f.StartsWith("analyzers/"));
        Assert.DoesNotContain(files, f => f.Contains("FtpAnalyzers.Package"));
        Assert.True(File.Exists(Path.ChangeExtension(feed.PackagePath("Ftp.Client"), ".snupkg")), "symbols package");

        var metadata = Nuspec(package);
        var groups = metadata.Descendants(metadata.Name.Namespace + "group").ToList();
        Assert.Equal(2, groups.Count);
        foreach (var group in groups)
        {
            var analyzers = Assert.Single(group.Elements(metadata.Name.Namespace + "dependency"), d => (string?)d.Attribute("id") == "FtpAnalyzers");
            Assert.Equal(feed.Version, (string?)analyzers.Attribute("version"));
            // exclude="Build,Analyzers" (a plain ProjectReference's default) would drop the rules.
            var excluded = ((string?)analyzers.Attribute("exclude") ?? "").Split(',');
            Assert.DoesNotContain("Analyzers", excluded);
        }
        AssertCommonMetadata(metadata);
    }

    private static void AssertCommonMetadata(XElement metadata)
    {
        Assert.Equal("MIT", Element(metadata, "license"));
        Assert.Equal("README.md", Element(metadata, "readme"));
        Assert.StartsWith("https://github.com/", (string?)metadata.Element(metadata.Name.Namespace + "repository")?.Attribute("url"));
        Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "description")));
    }

    private static XElement Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec"));
        using var stream = entry.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Element(document.Root.Name.Namespace + "metadata")!;
    }

    private static string? Element(XElement metadata, string name) => (string?)metadata.Element(metadata.Name.Namespace + name);
}
