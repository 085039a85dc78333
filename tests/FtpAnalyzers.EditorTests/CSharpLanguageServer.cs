using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FtpAnalyzers.EditorTests.Lsp;

namespace FtpAnalyzers.EditorTests;

/// <summary>
/// csharp-ls, installed into a folder of the test's own and started over stdio on a solution.
/// Disposing it asks it to shut down, then kills whatever of its process tree is left.
/// </summary>
public sealed class CSharpLanguageServer : IAsyncDisposable
{
    public const string Version = "0.28.0";
    private const int StderrLines = 40;
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly Queue<string> _stderrTail = new();

    private CSharpLanguageServer(Process process, LspClient.ServerRequestHandler onServerRequest, LspClient.NotificationHandler onNotification)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_stderrTail)
            {
                _stderrTail.Enqueue(e.Data);
                if (_stderrTail.Count > StderrLines)
                    _stderrTail.Dequeue();
            }
        };
        process.BeginErrorReadLine();
        var framing = new MessageFraming(new BufferedStream(process.StandardOutput.BaseStream), process.StandardInput.BaseStream);
        Client = new LspClient(framing, onServerRequest, onNotification);
    }

    public LspClient Client { get; }

    /// <summary>Installs the tool as a user would (<c>dotnet tool install --tool-path</c>) and returns its command.</summary>
    public static string Install(string toolDirectory)
    {
        var install = DotNet.Run(Path.GetDirectoryName(toolDirectory)!, InstallTimeout, "tool", "install", "csharp-ls", "--version", Version, "--tool-path", toolDirectory);
        if (install.ExitCode != 0)
            throw new InvalidOperationException("Installing csharp-ls failed: " + install);
        return Path.Combine(toolDirectory, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
    }

    /// <summary>Starts the server in <paramref name="workspaceRoot"/> on <paramref name="solutionPath"/>.</summary>
    public static CSharpLanguageServer Start(string command, string workspaceRoot, string solutionPath,
        LspClient.ServerRequestHandler onServerRequest, LspClient.NotificationHandler onNotification)
    {
        var startInfo = new ProcessStartInfo(command) { WorkingDirectory = workspaceRoot, RedirectStandardInput = true };
        startInfo.ArgumentList.Add("--solution");
        startInfo.ArgumentList.Add(solutionPath);
        DotNet.Configure(startInfo);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("csharp-ls did not start");
        return new CSharpLanguageServer(process, onServerRequest, onNotification);
    }

    /// <summary>"running", or how the process ended, for failure messages.</summary>
    public string State => _process.HasExited ? $"exited with code {_process.ExitCode}" : "running";

    /// <summary>The last lines csharp-ls wrote to stderr (its log), for failure messages.</summary>
    public string StderrTail
    {
        get
        {
            lock (_stderrTail)
                return string.Join('\n', _stderrTail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // What an editor does on close: shutdown, then exit.
                await Client.RequestAsync("shutdown", null, ShutdownTimeout);
                await Client.NotifyAsync("exit", null);
                await _process.WaitForExitAsync().WaitAsync(ShutdownTimeout);
            }
        }
        catch (Exception)
        {
            // A server that does not shut down in time is killed below.
        }
        finally
        {
            // Also whatever it started (its MSBuild build host), should any be left.
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            await Client.DisposeAsync();
            _process.WaitForExit(ShutdownTimeout);
            _process.Dispose();
        }
    }
}
