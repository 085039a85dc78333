using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using FtpAnalyzers.Benchmarks.Harness;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Benchmarks.Harness;

/// <summary>
/// Finds the product's analyzers and fixers by reflection, so benchmarks and robustness tests cover
/// every rule that lands without being edited: every non-abstract <see cref="DiagnosticAnalyzer"/> /
/// <see cref="CodeFixProvider"/> with a public parameterless constructor in the two product assemblies.
/// </summary>
public static class AnalyzerCatalog
{
    /// <summary>The assembly holding the FTP analyzers (src/FtpAnalyzers).</summary>
    public static Assembly AnalyzerAssembly => typeof(FtpDiagnosticAnalyzer).Assembly;

    /// <summary>The assembly holding the FTP code fixes (src/FtpAnalyzers.CodeFixes).</summary>
    public static Assembly CodeFixAssembly { get; } = LoadCodeFixAssembly();

    public static ImmutableArray<DiagnosticAnalyzer> CreateProductAnalyzers()
        => CreateAll<DiagnosticAnalyzer>(AnalyzerAssembly);

    public static ImmutableArray<CodeFixProvider> CreateProductFixers()
        => CreateAll<CodeFixProvider>(CodeFixAssembly);

    /// <summary>Every DiagnosticAnalyzer type in the NetAnalyzers package that reports <paramref name="diagnosticId"/>.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateNetAnalyzers(string diagnosticId)
    {
        var packageFolder = CompilationReferences.BuildMetadata("NetAnalyzersPackagePath");
        var analyzerFolder = Path.Combine(packageFolder, "analyzers", "dotnet", "cs");
        var analyzers = new List<DiagnosticAnalyzer>();
        foreach (var path in Directory.EnumerateFiles(analyzerFolder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            var assembly = Assembly.LoadFrom(path);
            foreach (var analyzer in CreateAll<DiagnosticAnalyzer>(assembly))
            {
                if (analyzer.SupportedDiagnostics.Any(descriptor => descriptor.Id == diagnosticId))
                    analyzers.Add(analyzer);
            }
        }
        return analyzers.ToImmutableArray();
    }

    private static Assembly LoadCodeFixAssembly()
    {
        // The fixer project has no public type to name until fixers land, so load it by name:
        // every project referencing this one also references src/FtpAnalyzers.CodeFixes.
        return Assembly.Load(new AssemblyName("FtpAnalyzers.CodeFixes"));
    }

    private static ImmutableArray<T> CreateAll<T>(Assembly assembly)
        where T : class
    {
        return LoadableTypes(assembly)
            .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && !type.ContainsGenericParameters
                && type.GetConstructor(Type.EmptyTypes) is { IsPublic: true })
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (T)Activator.CreateInstance(type)!)
            .ToImmutableArray();
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            // NetAnalyzers ships types for newer Roslyn features; the ones that load are the ones usable here.
            return exception.Types.Where(type => type is not null)!;
        }
    }
}
