using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FtpAnalyzers.EditorTests;

/// <summary>
/// "Shown as IDE warnings", proven in an editor: csharp-ls, a Roslyn-based language server, is
/// driven over LSP on the sample as an editor drives it. The FTP diagnostics must arrive on the
/// lines <c>dotnet build</c> reports, and follow an edit that repairs one of them.
/// </summary>
public sealed class CSharpLanguageServerTests(ITestOutputHelper output)
{
    // Measured: 8-21 s from start to the first diagnostics on 2 shared cores, under 1 s for the
    // update after an edit. The bounds only keep a broken run from hanging; the figures are printed.
    private static readonly TimeSpan InitializeTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstDiagnosticsTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PullInterval = TimeSpan.FromMilliseconds(250);
    private const int LogLines = 20;

    private readonly Queue<string> _serverLog = new();
    private TimeSpan? _solutionLoadedAt;
    private int _didChangeSyncKind = 2;
    private readonly Stopwatch _sinceStart = new();

    [Fact]
    public async Task Ftp_diagnostics_arrive_on_the_lines_dotnet_build_reports_and_follow_an_edit()
    {
        if (File.Exists("/proc/loadavg"))
            output.WriteLine($"load average at start (1/5/15 min): {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
        using var workspace = new SampleWorkspace();
        var step = Stopwatch.StartNew();
        var built = workspace.BuildAndReadProgramDiagnostics();
        output.WriteLine($"dotnet build --no-incremental of the sample: {step.Elapsed.TotalSeconds:0.0} s; Program.cs: {string.Join(", ", built)}");
        Assert.True(built.Any(d => d.Id == "FTP0001"), $"dotnet build reports no FTP0001 in Program.cs, the mistake the edit below repairs: [{string.Join(", ", built)}]");

        workspace.WriteSolution();
        step.Restart();
        var command = CSharpLanguageServer.Install(Path.Combine(workspace.TempRoot, "tool"));
        output.WriteLine($"dotnet tool install csharp-ls {CSharpLanguageServer.Version}: {step.Elapsed.TotalSeconds:0.0} s");

        _sinceStart.Restart();
        await using var server = CSharpLanguageServer.Start(command, workspace.Root, workspace.SolutionPath, AnswerServerRequest, Record);
        var rootUri = new Uri(workspace.Root).AbsoluteUri;
        var documentUri = new Uri(workspace.ProgramPath).AbsoluteUri;
        var text = await File.ReadAllTextAsync(workspace.ProgramPath);

        await Run(server, "initialize", () => server.Client.RequestAsync("initialize", InitializeParameters(rootUri), InitializeTimeout));
        output.WriteLine($"csharp-ls {CSharpLanguageServer.Version} (analyzersEnabled, pull diagnostics), after start:");
        output.WriteLine($"  initialize answered:   {_sinceStart.Elapsed.TotalSeconds,5:0.0} s");
        await Notify(server, "initialized", new JsonObject());
        await Notify(server, "textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = documentUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

        var first = await PullUntil(server, documentUri, FirstDiagnosticsTimeout, "the first FTP diagnostics", d => d.Count > 0);
        output.WriteLine($"  solution loaded:       {_solutionLoadedAt?.TotalSeconds,5:0.0} s");
        output.WriteLine($"  first FTP diagnostics: {_sinceStart.Elapsed.TotalSeconds,5:0.0} s ({first.Count} in Program.cs)");
        Assert.True(built.SequenceEqual(first), $"csharp-ls reports [{string.Join(", ", first)}] where dotnet build reports [{string.Join(", ", built)}]");

        var edit = UserBeforePassEdit.Find(text, built.First(d => d.Id == "FTP0001").Line);
        var expected = built.Where(d => d.Id != "FTP0001").ToList();
        Assert.NotEmpty(expected); // the other mistakes must stay for "the others stay" to mean anything
        var changes = _didChangeSyncKind == 1 ? new JsonArray { new JsonObject { ["text"] = edit.NewText } } : edit.ContentChanges;
        var editClock = Stopwatch.StartNew();
        await Notify(server, "textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = documentUri, ["version"] = 2 },
            ["contentChanges"] = changes,
        });
        var updated = await PullUntil(server, documentUri, UpdateTimeout, $"FTP0001 to go after USER (line {edit.UserLine}) moved above PASS (line {edit.PassLine})",
            d => d.Count > 0 && d.All(x => x.Id != "FTP0001"));
        output.WriteLine($"  update after the edit: {editClock.Elapsed.TotalSeconds,5:0.0} s after didChange");
        Assert.True(expected.SequenceEqual(updated), $"after the edit csharp-ls reports [{string.Join(", ", updated)}], expected [{string.Join(", ", expected)}]");
    }

    /// <summary>Pulls the document's diagnostics, as an editor does after opening or changing it, until <paramref name="done"/> holds.</summary>
    private async Task<IReadOnlyList<DiagnosticAt>> PullUntil(CSharpLanguageServer server, string documentUri, TimeSpan timeout,
        string waitingFor, Func<IReadOnlyList<DiagnosticAt>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<DiagnosticAt> last = [];
        var lastCount = 0;
        var pulls = 0;
        while (true)
        {
            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new XunitException($"Waited {timeout.TotalSeconds:0} s for {waitingFor} ({pulls} pulls); the last had [{string.Join(", ", last)}] " +
                    $"among {lastCount} diagnostics.\n{Logs(server)}");
            }
            var result = await Run(server, "textDocument/diagnostic", () => server.Client.RequestAsync("textDocument/diagnostic",
                new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = documentUri } }, remaining));
            pulls++;
            lastCount = result?["items"]?.AsArray().Count ?? 0;
            last = FtpDiagnostics(result);
            if (done(last))
                return last;
            await Task.Delay(PullInterval);
        }
    }

    /// <summary>The FTP diagnostics of a full document diagnostic report, 1-based like the build's.</summary>
    private static IReadOnlyList<DiagnosticAt> FtpDiagnostics(JsonNode? report)
    {
        var items = report?["items"]?.AsArray() ?? [];
        return items
            .Select(item => new DiagnosticAt(
                item!["code"]?.ToString() ?? "",
                (int)item["range"]!["start"]!["line"]! + 1,
                (int)item["range"]!["start"]!["character"]! + 1))
            .Where(d => d.Id.StartsWith("FTP", StringComparison.Ordinal))
            .Order()
            .ToList();
    }

    /// <summary>The client's answers to the server's requests; the server waits for each.</summary>
    private JsonNode? AnswerServerRequest(string method, JsonNode? parameters)
    {
        switch (method)
        {
            case "workspace/configuration":
                // csharp-ls runs the projects' analyzers only when its setting says so.
                return new JsonArray(parameters!["items"]!.AsArray()
                    .Select(item => (string?)item!["section"] == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null)
                    .ToArray<JsonNode?>());
            case "client/registerCapability":
                foreach (var registration in parameters!["registrations"]!.AsArray())
                {
                    if ((string?)registration!["method"] == "textDocument/didChange" && registration["registerOptions"]?["syncKind"] is { } kind)
                        _didChangeSyncKind = (int)kind;
                }
                return null;
            default:
                // window/workDoneProgress/create, client/unregisterCapability, workspace/diagnostic/refresh, …: null is their result.
                return null;
        }
    }

    private void Record(string method, JsonNode? parameters)
    {
        if (method == "$/progress" && (string?)parameters?["value"]?["kind"] == "end")
            _solutionLoadedAt ??= _sinceStart.Elapsed;
        if (method is "window/logMessage" or "window/showMessage")
        {
            lock (_serverLog)
            {
                _serverLog.Enqueue((string?)parameters?["message"] ?? "");
                if (_serverLog.Count > LogLines)
                    _serverLog.Dequeue();
            }
        }
    }

    private static JsonObject InitializeParameters(string rootUri) => new()
    {
        ["processId"] = Environment.ProcessId,
        ["clientInfo"] = new JsonObject { ["name"] = "FtpAnalyzers.EditorTests" },
        ["rootUri"] = rootUri,
        ["workspaceFolders"] = new JsonArray { new JsonObject { ["uri"] = rootUri, ["name"] = "sample" } },
        ["capabilities"] = new JsonObject
        {
            ["workspace"] = new JsonObject
            {
                ["configuration"] = true,
                ["workspaceFolders"] = true,
                ["diagnostics"] = new JsonObject { ["refreshSupport"] = true },
            },
            ["textDocument"] = new JsonObject
            {
                ["synchronization"] = new JsonObject { ["dynamicRegistration"] = true },
                // Pull diagnostics: the client asks for a document's diagnostics with textDocument/diagnostic.
                ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true },
                ["publishDiagnostics"] = new JsonObject(),
            },
            ["window"] = new JsonObject { ["workDoneProgress"] = true },
        },
    };

    /// <summary>Runs one exchange; a failure names it and carries the server's log.</summary>
    private async Task<JsonNode?> Run(CSharpLanguageServer server, string what, Func<Task<JsonNode?>> exchange)
    {
        try
        {
            return await exchange();
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or IOException)
        {
            throw new XunitException($"{what} failed: {exception.Message} {exception.InnerException?.Message}\n{Logs(server)}");
        }
    }

    private Task Notify(CSharpLanguageServer server, string method, JsonNode parameters)
        => Run(server, method, async () =>
        {
            await server.Client.NotifyAsync(method, parameters);
            return null;
        });

    private string Logs(CSharpLanguageServer server)
    {
        string log;
        lock (_serverLog)
            log = string.Join('\n', _serverLog);
        return $"csharp-ls ({server.State}) window/logMessage (last {LogLines}):\n{log}\ncsharp-ls stderr (last lines):\n{server.StderrTail}";
    }
}
