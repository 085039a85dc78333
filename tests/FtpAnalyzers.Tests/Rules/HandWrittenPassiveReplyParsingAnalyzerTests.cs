using System.Threading.Tasks;
using FtpAnalyzers.Rules;
using Microsoft.CodeAnalysis.CSharp;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.HandWrittenPassiveReplyParsingAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

/// <summary>
/// FTP0006 messages, positions and the cases it must leave alone. The many shapes of parsers and
/// look-alikes are in PassiveReplyCorpus/ (PassiveReplyCorpusTests).
/// </summary>
public sealed class HandWrittenPassiveReplyParsingAnalyzerTests
{
    private const string Prefix = "This computes the data port from a 227 reply parsed by hand";
    private const string Suffix = "; use PassiveEndpoint.Parse(reply).Port, which finds the six numbers with or without parentheses and checks that each is 0-255";

    [Fact]
    public Task Says_the_parser_assumes_the_parentheses()
        => Verify.VerifyAnalyzerAsync("""
            class Client
            {
                public static int Port(string reply)
                {
                    int start = reply.IndexOf('(');
                    string[] parts = reply.Substring(start + 1, reply.IndexOf(')') - start - 1).Split(',');
                    return {|#0:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
                }
            }
            """,
            Verify.Diagnostic("FTP0006").WithLocation(0).WithMessage(Prefix + " and assumes the parentheses, which RFC 1123 says a client must not rely on" + Suffix));

    [Fact]
    public Task Says_the_parser_reads_at_a_fixed_offset()
        => Verify.VerifyAnalyzerAsync("""
            class Client
            {
                public static int Port(string reply)
                {
                    string[] parts = reply.Substring(27).TrimEnd(')', '.').Split(',');
                    return {|#0:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
                }
            }
            """,
            Verify.Diagnostic("FTP0006").WithLocation(0).WithMessage(Prefix + " at a fixed offset, which breaks as soon as the reply text differs (pyftpdlib writes \"Entering passive mode\", RFC 1123 leaves the text free)" + Suffix));

    [Fact]
    public Task Flags_a_parser_that_assumes_nothing_when_the_code_says_227()
        => Verify.VerifyAnalyzerAsync("""
            class Client
            {
                public static int Port(string reply)
                {
                    if (!reply.StartsWith("227 "))
                        return -1;
                    string[] parts = reply.Substring(reply.LastIndexOf(' ') + 1).Split(',');
                    return {|#0:(int.Parse(parts[4]) << 8) | int.Parse(parts[5])|};
                }
            }
            """,
            Verify.Diagnostic("FTP0006").WithLocation(0).WithMessage(Prefix + Suffix));

    [Fact]
    public async Task Runs_without_Ftp_Client_in_old_code()
    {
        var test = new Verify.Test
        {
            ReferenceFtpClient = false,
            LanguageVersion = LanguageVersion.CSharp3,
            TestCode = """
                using System;

                public class FtpSession
                {
                    public int GetDataPort(string strReply)
                    {
                        string[] arrParts = strReply.Split(new char[] { '(', ')' })[1].Split(new char[] { ',' });
                        int iPort = (Convert.ToInt32(arrParts[4]) * 256);
                        iPort = {|FTP0006:iPort + Convert.ToInt32(arrParts[5])|};
                        return iPort;
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public Task Reports_each_of_two_parsers_in_one_method_once()
        => Verify.VerifyAnalyzerAsync("""
            using System.Text.RegularExpressions;

            class Client
            {
                public static int Twice(string first, string second)
                {
                    var a = first.Split('(', ')')[1].Split(',');
                    var m = Regex.Match(second, @"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)");
                    int one = {|FTP0006:int.Parse(a[4]) * 256 + int.Parse(a[5])|};
                    int again = int.Parse(a[4]) * 256 + int.Parse(a[5]);
                    int two = {|FTP0006:int.Parse(m.Groups[5].Value) * 256 + int.Parse(m.Groups[6].Value)|};
                    return one + again + two;
                }
            }
            """);

    [Fact]
    public Task Ignores_the_parse_of_the_PORT_argument_in_a_server()
        => Verify.VerifyAnalyzerAsync("""
            class Server
            {
                public int Handle(string verb, string argument)
                {
                    if (verb == "PORT")
                    {
                        var p = argument.Split(',');
                        return int.Parse(p[4]) * 256 + int.Parse(p[5]);
                    }
                    if (verb == "PASV")
                        return 227;
                    return 500;
                }
            }
            """);

    [Fact]
    public Task Ignores_numbers_split_from_a_list_without_any_sign_of_a_227_reply()
        => Verify.VerifyAnalyzerAsync("""
            class Records
            {
                public static int Field(string line)
                {
                    var f = line.Split(',');
                    return int.Parse(f[4]) * 256 + int.Parse(f[5]);
                }

                public static int Pair(string pair)
                {
                    var f = pair.Trim('(', ')').Split(',');
                    return int.Parse(f[0]) * 256 + int.Parse(f[1]);
                }
            }
            """);

    [Fact]
    public Task Ignores_a_port_computed_from_values_it_did_not_parse()
        => Verify.VerifyAnalyzerAsync("""
            class Client
            {
                public static int Port(int p1, int p2, byte[] reply) => p1 * 256 + p2 + ((reply[4] << 8) | reply[5]);
            }
            """);

    [Fact]
    public async Task Survives_code_being_typed()
    {
        var test = new Verify.Test
        {
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
            TestCode = """
                class Client
                {
                    int Port(string r)
                    {
                        var p = r.Split('(', ')')[1].Split(',');
                        int x = int.Parse(p[4]) * 256 + ;
                        return (int.Parse(p[ << 8) | int.Parse(
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public Task Flags_a_port_of_numbers_returned_through_two_helpers()
        => Verify.VerifyAnalyzerAsync("""
            using System.Linq;

            class Client
            {
                private static int[] Numbers(string reply)
                {
                    var p = reply.Split('(', ')')[1].Split(',');
                    return p.Select(int.Parse).ToArray();
                }

                private static int[] PassiveNumbers(string reply) => Numbers(reply);

                public static int Port(string reply)
                {
                    var n = PassiveNumbers(reply);
                    return {|FTP0006:n[4] * 256 + n[5]|};
                }
            }
            """);

    [Fact]
    public Task Flags_a_port_of_numbers_a_helper_parses_with_a_block_lambda()
        => Verify.VerifyAnalyzerAsync("""
            using System.Linq;

            class Client
            {
                private static int[] Numbers(string reply)
                    => reply.Split('(', ')')[1].Split(',').Select(s => { return int.Parse(s.Trim()); }).ToArray();

                public static int Port(string reply)
                {
                    var n = Numbers(reply);
                    return {|FTP0006:(n[4] << 8) | n[5]|};
                }
            }
            """);

    [Fact]
    public Task Ignores_CSV_numbers_returned_through_two_helpers()
        => Verify.VerifyAnalyzerAsync("""
            using System.Linq;

            class Table
            {
                private static int[] Fields(string line) => line.Split(',').Select(int.Parse).ToArray();

                private static int[] Row(string line) => Fields(line);

                public static int Cell(string line)
                {
                    var f = Row(line);
                    return f[4] * 256 + f[5];
                }
            }
            """);

    [Fact]
    public Task Ignores_numbers_returned_through_three_helpers()
        => Verify.VerifyAnalyzerAsync("""
            using System.Linq;

            class Client
            {
                private static int[] Numbers(string reply) => reply.Split('(', ')')[1].Split(',').Select(int.Parse).ToArray();

                private static int[] Middle(string reply) => Numbers(reply);

                private static int[] Outer(string reply) => Middle(reply);

                public static int Port(string reply)
                {
                    var n = Outer(reply);
                    return n[4] * 256 + n[5];
                }
            }
            """);

    [Fact]
    public Task Flags_a_parse_of_the_text_a_helper_cuts_between_parentheses()
        => Verify.VerifyAnalyzerAsync("""
            class Client
            {
                private static string Between(string text, string open, string close)
                {
                    int start = text.IndexOf(open) + open.Length;
                    return text.Substring(start, text.IndexOf(close, start) - start);
                }

                public static int Port(string reply)
                {
                    var parts = Between(reply, "(", ")").Split(',');
                    return {|#0:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
                }
            }
            """,
            Verify.Diagnostic("FTP0006").WithLocation(0).WithMessage(Prefix + " and assumes the parentheses, which RFC 1123 says a client must not rely on" + Suffix));

    [Fact]
    public Task Ignores_pairs_a_helper_cuts_between_parentheses()
        => Verify.VerifyAnalyzerAsync("""
            class Geometry
            {
                private static string Between(string text, char open, char close)
                {
                    int start = text.IndexOf(open) + 1;
                    return text.Substring(start, text.IndexOf(close, start) - start);
                }

                public static int Cell(string point)
                {
                    var xy = Between(point, '(', ')').Split(',');
                    return int.Parse(xy[0]) * 256 + int.Parse(xy[1]);
                }
            }
            """);

    [Fact]
    public Task Ignores_a_PORT_argument_a_server_cuts_with_a_helper()
        => Verify.VerifyAnalyzerAsync("""
            class Server
            {
                private static string Between(string text, string open, string close) => text;

                public static int ActivePort(string argument)
                {
                    var n = Between(argument, "PORT ", "\r").Split(',');
                    return int.Parse(n[4]) * 256 + int.Parse(n[5]);
                }
            }
            """);
}
