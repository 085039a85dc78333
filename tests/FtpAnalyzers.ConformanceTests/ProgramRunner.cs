using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Ftp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using System.Text;

namespace FtpAnalyzers.ConformanceTests;

/// <summary>Compiles a <see cref="ConformanceProgram"/>, analyzes it with every FTP rule, and runs it.</summary>
internal sealed partial class ProgramRunner
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(FtpDiagnosticAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Select(path => MetadataReference.CreateFromFile(path))
        .Append(MetadataReference.CreateFromFile(typeof(FtpConnection).Assembly.Location))
        .ToArray();

    private readonly CSharpCompilation _compilation;

    public ProgramRunner(ConformanceProgram program)
    {
        Program = program;
        _compilation = CSharpCompilation.Create(
            "Conformance_" + program.Name,
            [CSharpSyntaxTree.ParseText(SourceText.From(program.Source, Encoding.UTF8), path: program.Name + ".cs")],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Debug));
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException($"{program.Name} does not compile:\n{string.Join("\n", errors)}");
    }

    public ConformanceProgram Program { get; }

    /// <summary>(rule, line) of every FTP diagnostic the analyzers report.</summary>
    public async Task<IReadOnlyList<(string Rule, int Line)>> AnalyzeAsync()
    {
        var diagnostics = await _compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics
            .Where(d => d.Id.StartsWith("FTP", StringComparison.Ordinal))
            .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .OrderBy(d => d.Item2)
            .ToList();
    }

    /// <summary>
    /// Runs the program against a server and returns the source line of the first command that
    /// failed (a 4xx/5xx reply other than one the program marks as expected, or an exception the
    /// client threw), or null when it completed.
    /// </summary>
    /// <param name="serverCertificateValidation">For FTPS servers: the check of their certificate.</param>
    public async Task<RunOutcome> RunAsync(string host, int port, string user, string password, System.Net.Security.RemoteCertificateValidationCallback? serverCertificateValidation = null)
    {
        using var image = new MemoryStream();
        EmitResult emit = _compilation.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!emit.Success)
            throw new InvalidOperationException(string.Join("\n", emit.Diagnostics));
        var assembly = Assembly.Load(image.ToArray());
        var run = assembly.GetType(ConformanceProgram.ClassName)!.GetMethod("Run")!;

        var transcript = new List<string>();
        var refused = new HashSet<int>();
        int? commandLine = null;
        int? failedLine = null;
        var options = new FtpConnectionOptions
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ReadTimeout = TimeSpan.FromSeconds(10),
            ServerCertificateValidation = serverCertificateValidation,
            Log = line =>
            {
                lock (transcript)
                {
                    transcript.Add(line);
                    if (line.StartsWith("> ", StringComparison.Ordinal))
                        commandLine = LineIn(assembly, new StackTrace(fNeedFileInfo: true));
                    else if (FinalReplyCode().Match(line) is { Success: true } m && int.Parse(m.Groups[1].Value) >= 400)
                    {
                        // A refusal the program expects (and tests the reply of) is not a failure.
                        if (commandLine is { } refusedLine && Program.ExpectedRefusalLines.Contains(refusedLine))
                            refused.Add(refusedLine);
                        else
                            failedLine ??= commandLine;
                    }
                }
            },
        };

        try
        {
            await (Task)run.Invoke(null, [host, port, user, password, options])!;
        }
        catch (Exception exception) when (exception is not FtpProtocolException)
        {
            var thrown = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            lock (transcript)
            {
                failedLine ??= LineIn(assembly, new StackTrace(thrown, fNeedFileInfo: true));
                transcript.Add("! " + thrown.GetType().Name + ": " + thrown.Message);
            }
        }

        lock (transcript)
            return new RunOutcome(failedLine, refused.Order().ToArray(), transcript.ToArray());
    }

    /// <summary>
    /// The line of the program's body on a stack (its async state machine included), not of a
    /// helper it called: a command sent from inside a helper is that call's.
    /// </summary>
    private static int? LineIn(Assembly program, StackTrace stack)
        => stack.GetFrames()
            .FirstOrDefault(f => f.GetMethod() is { DeclaringType: { } type } method && type.Assembly == program && f.GetFileLineNumber() > 0
                && (method.Name == "Run" || type.Name.StartsWith("<Run>", StringComparison.Ordinal)))
            ?.GetFileLineNumber();

    // The last line of a reply: three digits and a space ("ddd-" lines continue it).
    [GeneratedRegex(@"^< (\d{3})( |$)")]
    private static partial Regex FinalReplyCode();
}

/// <param name="RefusedLines">Lines marked "// refused" whose command the server did refuse.</param>
internal sealed record RunOutcome(int? FailedLine, int[] RefusedLines, string[] Transcript)
{
    public override string ToString() => string.Join("\n", Transcript);
}
