using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using FtpAnalyzers.Benchmarks.Harness;

namespace FtpAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Code no one here wrote, read from disk at run time: the Polyfill package's C# sources (restored
/// by this project, nothing committed) and any folder given with <c>--real DIR</c>. It is compiled
/// as it is, against the .NET 10 reference pack; files that need a project's own references or
/// generated code leave compile errors, which the analyzers must tolerate anyway (the IDE shows them
/// code in that state while it is typed).
/// </summary>
/// <param name="SpeaksFtp">The code talks FTP itself (an FTP library's source): the 1 % target, not the no-FTP one.</param>
public sealed record RealCodeCorpus(string Name, string Origin, IReadOnlyList<(string Path, string Text)> Files, bool SpeaksFtp)
{
    /// <summary>The target folder of Polyfill used: its largest, about 310 files.</summary>
    public const string PolyfillTarget = "netstandard2.0";

    /// <summary>
    /// Symbols an SDK project defines for a net10.0 build. Polyfill's netstandard2.0 folder is read
    /// with them too, as a net10.0 project would compile it: that compiles nearly clean against the
    /// net10.0 reference pack, where its netstandard2.0 symbols would declare again what .NET 10 has.
    /// </summary>
    public static ImmutableArray<string> Net100Symbols { get; } = ImmutableArray.Create(
        "NET", "NET10_0", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER",
        "NETCOREAPP", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER",
        "NETCOREAPP1_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER", "NETSTANDARD2_0_OR_GREATER", "RELEASE", "TRACE");

    /// <summary>The preprocessor symbols the files are parsed with.</summary>
    public ImmutableArray<string> PreprocessorSymbols { get; init; } = Net100Symbols;

    public int LineCount => Files.Sum(file => file.Text.Split('\n').Length);

    /// <summary>Polyfill 11.4.5's sources for <see cref="PolyfillTarget"/>; <paramref name="maxFiles"/> takes the first ones by path (smoke runs).</summary>
    public static RealCodeCorpus Polyfill(int? maxFiles)
    {
        var package = CompilationReferences.BuildMetadata("PolyfillPackagePath");
        var folder = Path.Combine(package, "contentFiles", "cs", PolyfillTarget);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Polyfill's sources are missing at {folder}; run `dotnet restore tests/FtpAnalyzers.Benchmarks`.");
        return new RealCodeCorpus($"Polyfill {Path.GetFileName(package.TrimEnd('/', '\\'))} ({PolyfillTarget} sources)", "NuGet package Polyfill, contentFiles/cs/" + PolyfillTarget, Read(folder, maxFiles), SpeaksFtp: false);
    }

    /// <summary>Every .cs file under <paramref name="folder"/>, bin/ and obj/ left out.</summary>
    public static RealCodeCorpus Folder(string folder, bool speaksFtp)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"--real {folder}: no such folder.");
        return new RealCodeCorpus(Path.GetFileName(full.TrimEnd('/', '\\')), full, Read(full, maxFiles: null), speaksFtp);
    }

    private static IReadOnlyList<(string Path, string Text)> Read(string folder, int? maxFiles)
    {
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(folder, path)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Take(maxFiles ?? int.MaxValue)
            .Select(path => (Path.GetRelativePath(folder, path), File.ReadAllText(path)))
            .ToList();
        if (files.Count == 0)
            throw new InvalidOperationException($"No .cs file under {folder}.");
        return files;
    }

    private static bool IsBuildOutput(string relativePath)
        => relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(part => part.Equals("bin", StringComparison.OrdinalIgnoreCase) || part.Equals("obj", StringComparison.OrdinalIgnoreCase));
}
