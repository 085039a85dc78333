using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Ftp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FtpAnalyzers.Tests.PassiveReply;

/// <summary>
/// Compiles C# against the running .NET and Ftp.Client, in memory, so tests can run analyzers
/// over a corpus and load and call the code they check.
/// </summary>
internal static class RuntimeCompilation
{
    private static readonly ImmutableArray<MetadataReference> Framework =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions Options { get; } = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    public static ImmutableArray<MetadataReference> References(bool referenceFtpClient)
        => referenceFtpClient ? Framework.Add(MetadataReference.CreateFromFile(typeof(FtpConnection).Assembly.Location)) : Framework;

    public static CSharpCompilation Create(string source, bool referenceFtpClient = true, string name = "Corpus")
        => CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: name + ".cs") },
            References(referenceFtpClient),
            Options);

    /// <summary>The errors of a compilation, formatted for an assertion message.</summary>
    public static IReadOnlyList<string> Errors(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

    /// <summary>Emits and loads the compilation in a collectible context.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return context.LoadFromStream(image);
    }
}
