using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Ftp;
using Microsoft.CodeAnalysis;

namespace FtpAnalyzers.Benchmarks.Harness;

/// <summary>
/// What benchmark compilations reference: the .NET 8 reference pack for generated code, the .NET 10
/// one for real code (both downloaded at restore, so runs are offline) and, for FTP code, the
/// Ftp.Client assembly this repository builds.
/// </summary>
public static class CompilationReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_net80 = new(() => LoadReferencePack("8.0.0", "net8.0"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_net100 = new(() => LoadReferencePack("10.0.14", "net10.0"));

    /// <summary>The .NET 8 reference assemblies.</summary>
    public static ImmutableArray<MetadataReference> Net80 => s_net80.Value;

    /// <summary>The .NET 10 reference assemblies: what real code of today is built against.</summary>
    public static ImmutableArray<MetadataReference> Net100 => s_net100.Value;

    /// <summary>Ftp.Client, the API the FTP rules check.</summary>
    public static MetadataReference FtpClient { get; } =
        MetadataReference.CreateFromFile(typeof(FtpConnection).Assembly.Location);

    /// <summary>The folder NuGet restored packages into when this assembly was built.</summary>
    public static string NuGetPackageRoot => BuildMetadata("NuGetPackageRoot");

    internal static string BuildMetadata(string key)
    {
        var value = typeof(CompilationReferences).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
            throw new InvalidOperationException($"The build did not record '{key}'; rebuild FtpAnalyzers.Benchmarks.");
        return value!;
    }

    private static ImmutableArray<MetadataReference> LoadReferencePack(string version, string framework)
    {
        var folder = Path.Combine(NuGetPackageRoot, "microsoft.netcore.app.ref", version, "ref", framework);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The {framework} reference pack is missing at {folder}; run `dotnet restore`.");
        return Directory.EnumerateFiles(folder, "*.dll")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
