using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace FtpAnalyzers.PackageTests;

/// <summary>
/// Packs FtpAnalyzers and Ftp.Client from a copy of the repository's sources into a temp folder
/// feed, under a version no cache has seen, with a throwaway NuGet packages folder, so that every
/// consumer built from it gets exactly these packages. Shared by the tests of one run.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    private static readonly string[] ProductEntries =
        ["src", "Directory.Build.props", "Directory.Packages.props", "README.md", "nuget.config", ".editorconfig"];

    public PackedFeed()
    {
        RepositoryRoot = typeof(PackedFeed).Assembly.GetCustomAttribute<RepositoryRootAttribute>()!.Path;
        Root = Directory.CreateTempSubdirectory("ftpanalyzers-packages-").FullName;
        FeedDirectory = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N")[..8];
        Environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(Root, "nuget-packages")).FullName,
        };

        // Pack from a copy: the developer's own bin/obj folders stay untouched, whatever else runs.
        var sources = Path.Combine(Root, "repo");
        foreach (var entry in ProductEntries)
            Copy(Path.Combine(RepositoryRoot, entry), Path.Combine(sources, entry));

        foreach (var project in new[] { "src/FtpAnalyzers.Package", "src/Ftp.Client" })
        {
            var pack = DotNet.Run(sources, Environment, "pack", project, "-c", "Release", "-o", FeedDirectory, "-p:Version=" + Version);
            if (pack.ExitCode != 0)
                throw new InvalidOperationException("Packing failed: " + pack);
        }
    }

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string FeedDirectory { get; }

    public string Version { get; }

    /// <summary>The environment every dotnet command over this feed runs with.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public string PackagePath(string id) => Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg");

    /// <summary>A new project that references Ftp.Client only, from this feed.</summary>
    public ConsumerProject CreateConsumer(string name) => new(this, Path.Combine(Root, "consumers", name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build node may still hold a file for a moment; the temp folder is the OS's to clean.
        }
    }

    private static void Copy(string source, string destination)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (Array.Exists(parts, part => part is "bin" or "obj"))
                continue;
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
