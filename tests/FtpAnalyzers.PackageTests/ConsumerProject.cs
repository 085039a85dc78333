using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FtpAnalyzers.PackageTests;

/// <summary>A fresh console project that references the packed Ftp.Client, the way a user's would.</summary>
public sealed partial class ConsumerProject
{
    private readonly PackedFeed _feed;

    internal ConsumerProject(PackedFeed feed, string directory)
    {
        _feed = feed;
        Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        File.WriteAllText(Path.Combine(Directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Ftp.Client" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        // The temp feed next to the machine's own sources, which restore still uses for the rest.
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="ftpanalyzers-test-feed" value="{feed.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Directory { get; }

    public ConsumerProject WithSource(string fileName, string text)
    {
        File.WriteAllText(Path.Combine(Directory, fileName), text);
        return this;
    }

    public ConsumerProject WithEditorConfig(string text) => WithSource(".editorconfig", "root = true\n\n[*.cs]\n" + text + "\n");

    public string ReadSource(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    /// <summary>Builds without incremental shortcuts: a no-change build would hide every warning.</summary>
    public BuildResult Build(params string[] extraArguments)
        => new(Run(["build", "--no-incremental", .. extraArguments]));

    public CommandResult Run(params string[] arguments) => DotNet.Run(Directory, _feed.Environment, arguments);

    public CommandResult Format(params string[] diagnosticIds)
        => Run(["format", "analyzers", "Consumer.csproj", "--severity", "warn", "--diagnostics", .. diagnosticIds]);
}

/// <summary>A build's outcome and the FTP diagnostics it printed, as (ID, file, line).</summary>
public sealed partial class BuildResult
{
    internal BuildResult(CommandResult command)
    {
        Command = command;
        Diagnostics = DiagnosticLine().Matches(command.Output)
            .Select(m => new BuildDiagnostic(m.Groups["id"].Value, Path.GetFileName(m.Groups["file"].Value), int.Parse(m.Groups["line"].Value), m.Groups["severity"].Value, m.Groups["message"].Value.Trim()))
            .Distinct()
            .OrderBy(d => d.File).ThenBy(d => d.Line).ThenBy(d => d.Id)
            .ToList();
    }

    public CommandResult Command { get; }

    public bool Succeeded => Command.ExitCode == 0;

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    public IReadOnlyList<BuildDiagnostic> FtpDiagnostics => Diagnostics.Where(d => d.Id.StartsWith("FTP")).ToList();

    public IReadOnlyList<BuildDiagnostic> Errors => Diagnostics.Where(d => d.Severity == "error").ToList();

    public override string ToString() => Command.ToString();

    // MSBuild prints each diagnostic once per line and repeats it in the summary; Distinct() folds those.
    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*\.cs)\((?<line>\d+),\d+\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+): (?<message>.*?)(\[[^\]]*\])?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

public sealed record BuildDiagnostic(string Id, string File, int Line, string Severity, string Message)
{
    public override string ToString() => $"{File}({Line}): {Severity} {Id}";
}
