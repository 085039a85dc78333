using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace FtpAnalyzers.EditorTests;

/// <summary>
/// A copy of the sample and of the projects it references, in a temp folder, with a solution
/// of the sample alone. The copy is built (analyzers included) by the test itself, so the
/// language server loads analyzers built from this tree's sources, while the repository's own
/// bin/obj folders, which other test projects may be using, stay untouched.
/// </summary>
public sealed partial class SampleWorkspace : IDisposable
{
    private const string SampleDirectory = "samples/FtpAnalyzers.Sample";
    private static readonly string[] Entries =
        ["src", SampleDirectory, "Directory.Build.props", "Directory.Packages.props", "nuget.config", ".editorconfig"];
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    public SampleWorkspace()
    {
        var repositoryRoot = typeof(SampleWorkspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        TempRoot = Directory.CreateTempSubdirectory("ftpanalyzers-editor-").FullName;
        Root = Path.Combine(TempRoot, "repo");
        foreach (var entry in Entries)
            Copy(Path.Combine(repositoryRoot, entry), Path.Combine(Root, entry));
        ProgramPath = Path.Combine(Root, SampleDirectory, "Program.cs");
        ProjectPath = Path.Combine(Root, SampleDirectory, "FtpAnalyzers.Sample.csproj");
        SolutionPath = Path.Combine(Root, "Sample.sln");
    }

    /// <summary>The folder that holds everything the test creates: the copy, the tool, the logs.</summary>
    public string TempRoot { get; }

    /// <summary>The copy's root: what an editor opens as its workspace folder.</summary>
    public string Root { get; }

    public string ProgramPath { get; }

    public string ProjectPath { get; }

    public string SolutionPath { get; }

    /// <summary>
    /// Builds the sample as a user would, without incremental shortcuts (a no-change build
    /// prints no warning), and returns the FTP diagnostics it reports for Program.cs.
    /// </summary>
    public IReadOnlyList<DiagnosticAt> BuildAndReadProgramDiagnostics()
    {
        // No compiler server: nothing the test starts outlives it.
        var build = DotNet.Run(Root, CommandTimeout, "build", "--no-incremental", ProjectPath, "-p:UseSharedCompilation=false");
        if (build.ExitCode != 0)
            throw new InvalidOperationException("The sample did not build: " + build);

        return BuildDiagnosticLine().Matches(build.Output)
            .Where(m => Path.GetFullPath(m.Groups["file"].Value) == ProgramPath)
            .Select(m => new DiagnosticAt(m.Groups["id"].Value, int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture)))
            .Distinct() // MSBuild prints each warning again in its summary
            .Order()
            .ToList();
    }

    /// <summary>Writes <see cref="SolutionPath"/>: a solution of the sample alone, for the language server to load.</summary>
    public void WriteSolution()
    {
        RunOrThrow("new", "sln", "--format", "sln", "--name", Path.GetFileNameWithoutExtension(SolutionPath));
        // The referenced projects come along when the server loads the sample; listing them would only slow the load.
        RunOrThrow("sln", SolutionPath, "add", "--include-references", "false", ProjectPath);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(TempRoot, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file for a moment; the temp folder is the OS's to clean.
        }
    }

    private void RunOrThrow(params string[] arguments)
    {
        var result = DotNet.Run(Root, CommandTimeout, arguments);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(result.ToString());
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
            // Build output of the developer's tree is not copied: the copy builds its own.
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                continue;
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // "/path/Program.cs(23,1): warning FTP0001: message [/path/project.csproj]"
    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*\.cs)\((?<line>\d+),(?<column>\d+)\): warning (?<id>FTP\d{4}):", RegexOptions.Multiline)]
    private static partial Regex BuildDiagnosticLine();
}
