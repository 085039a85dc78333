using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>
/// Real code to mutate: the files in Robustness/Corpus (embedded, not compiled into the tests) and
/// the sample's Program.cs.
/// </summary>
internal static class RobustnessCorpus
{
    private const string Prefix = "Corpus/";

    public static IReadOnlyList<(string Name, string Text)> Files { get; } = Load();

    private static IReadOnlyList<(string Name, string Text)> Load()
    {
        var assembly = typeof(RobustnessCorpus).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, System.StringComparison.Ordinal))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name.Substring(Prefix.Length), reader.ReadToEnd());
            })
            .ToList();
    }
}
