using System;
using System.Diagnostics;
using System.Text;

namespace FtpAnalyzers.EditorTests;

/// <summary>Runs the dotnet CLI with a bounded time, capturing everything it prints.</summary>
public static class DotNet
{
    public static CommandResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        Configure(startInfo);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
                throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s:\n{output}");
        }
        process.WaitForExit();
        lock (output)
            return new CommandResult(process.ExitCode, output.ToString(), "dotnet " + string.Join(' ', arguments));
    }

    /// <summary>
    /// Redirects the standard streams and sets the environment every dotnet process of these tests
    /// gets: no MSBuild node outlives the test, no first-run text.
    /// </summary>
    public static void Configure(ProcessStartInfo startInfo)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
    }
}

public sealed record CommandResult(int ExitCode, string Output, string CommandLine)
{
    public override string ToString() => $"{CommandLine} exited with {ExitCode}:\n{Output}";
}
