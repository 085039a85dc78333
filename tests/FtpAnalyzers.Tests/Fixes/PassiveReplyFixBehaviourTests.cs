using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using FtpAnalyzers.Rules;
using FtpAnalyzers.Tests.PassiveReply;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FtpAnalyzers.Tests.Fixes;

/// <summary>
/// Runs hand-written 227 parsers and their FTP0006-fixed versions, compiled and loaded in memory,
/// on the replies real servers send (docs: ../shared/ftp-protocol.md): both must return the same
/// port for well-formed replies, and the fixed one must also read replies without parentheses.
/// Needs Ftp.Client's PassiveEndpoint.Parse implemented (the client's branch).
/// </summary>
public sealed class PassiveReplyFixBehaviourTests
{
    /// <summary>What vsftpd/ProFTPD, Pure-FTPd/inetutils and pyftpdlib answer; p1 above 127, as measured.</summary>
    private static readonly string[] WellFormedReplies =
    {
        "227 Entering Passive Mode (127,0,0,1,238,76).",
        "227 Entering Passive Mode (127,0,0,1,238,76)",
        "227 Entering passive mode (127,0,0,1,238,76).",
    };

    /// <summary>Replies RFC 1123 allows and hand-written parsers break on.</summary>
    private static readonly (string Reply, int Port)[] RepliesWithoutParentheses =
    {
        ("227 Data transfer will passively listen to 127,0,0,1,4,51", 4 * 256 + 51),
        ("227 Entering passive mode. 127,0,0,1,4,51", 4 * 256 + 51),
    };

    public static IEnumerable<object[]> Parsers() => new[]
    {
        new object[] { "IndexOf, Substring, Split", """
            public static class Parser
            {
                public static int Port(string reply)
                {
                    int start = reply.IndexOf('(');
                    int end = reply.IndexOf(')');
                    string[] parts = reply.Substring(start + 1, end - start - 1).Split(',');
                    return int.Parse(parts[4]) * 256 + int.Parse(parts[5]);
                }
            }
            """ },
        new object[] { "Split on parentheses, shift", """
            public static class Parser
            {
                public static int Port(string reply)
                {
                    string[] p = reply.Split('(', ')')[1].Split(',');
                    int high = int.Parse(p[4]);
                    int low = int.Parse(p[5]);
                    return (high << 8) | low;
                }
            }
            """ },
        new object[] { "Regex with six groups", """
            using System.Text.RegularExpressions;

            public static class Parser
            {
                public static int Port(string reply)
                {
                    Match m = Regex.Match(reply, @"\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)");
                    return int.Parse(m.Groups[5].Value) * 256 + int.Parse(m.Groups[6].Value);
                }
            }
            """ },
        new object[] { "Fixed offset", """
            public static class Parser
            {
                public static int Port(string reply)
                {
                    string[] values = reply.Substring(27).TrimEnd('.').TrimEnd(')').Split(',');
                    return System.Convert.ToInt32(values[4]) * 0x100 + System.Convert.ToInt32(values[5]);
                }
            }
            """ },
        new object[] { "Digit loop", """
            public static class Parser
            {
                public static int Port(string reply)
                {
                    var numbers = new int[6];
                    int count = 0;
                    bool open = false;
                    foreach (char c in reply)
                    {
                        if (c == '(') open = true;
                        else if (!open) continue;
                        else if (c == ',') count++;
                        else if (char.IsDigit(c)) numbers[count] = numbers[count] * 10 + (c - '0');
                    }
                    return numbers[4] * 256 + numbers[5];
                }
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task The_fixed_parser_returns_the_same_port_and_also_reads_replies_without_parentheses(string shape, string source)
    {
        var fixedSource = await ApplyFixAsync(source);
        Assert.Contains("PassiveEndpoint.Parse(reply).Port", fixedSource);

        var original = Load(source, shape + " (original)");
        var fixedParser = Load(fixedSource, shape + " (fixed)");
        foreach (var reply in WellFormedReplies)
        {
            Assert.Equal(238 * 256 + 76, original(reply));
            Assert.Equal(original(reply), fixedParser(reply));
        }
        foreach (var (reply, port) in RepliesWithoutParentheses)
            Assert.Equal(port, fixedParser(reply));
    }

    private static async Task<string> ApplyFixAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Parsers", "Parsers", LanguageNames.CSharp,
            compilationOptions: RuntimeCompilation.Options,
            parseOptions: RuntimeCompilation.ParseOptions,
            metadataReferences: RuntimeCompilation.References(referenceFtpClient: true)));
        var document = workspace.AddDocument(project.Id, "Parser.cs", SourceText.From(source));

        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(RuntimeCompilation.Errors(compilation));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HandWrittenPassiveReplyParsingAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new HandWrittenPassiveReplyParsingFixer().RegisterCodeFixesAsync(context);
        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    private static Func<string, int> Load(string source, string name)
    {
        var assembly = RuntimeCompilation.Load(RuntimeCompilation.Create(source, name: name.Replace(' ', '_').Replace(",", "")));
        var port = assembly.GetType("Parser")!.GetMethod("Port")!;
        return reply =>
        {
            try
            {
                return (int)port.Invoke(null, new object[] { reply })!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        };
    }
}
