using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using FtpAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.HandWrittenPassiveReplyParsingAnalyzer, FtpAnalyzers.CodeFixes.HandWrittenPassiveReplyParsingFixer>;

namespace FtpAnalyzers.Tests.Fixes;

public sealed class HandWrittenPassiveReplyParsingFixerTests
{
    [Fact]
    public Task Replaces_the_classic_parser_and_removes_the_locals_it_no_longer_needs()
        => Verify.VerifyCodeFixAsync("""
            using System;

            class Client
            {
                public static int DataPort(string reply)
                {
                    int start = reply.IndexOf('(');
                    int end = reply.IndexOf(')');
                    string[] parts = reply.Substring(start + 1, end - start - 1).Split(',');
                    // The data port.
                    return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
                }
            }
            """, """
            using System;
            using Ftp;

            class Client
            {
                public static int DataPort(string reply)
                {
                    // The data port.
                    return PassiveEndpoint.Parse(reply).Port;
                }
            }
            """, HandWrittenPassiveReplyParsingFixer.EquivalenceKey);

    [Fact]
    public Task Removes_the_byte_locals_and_keeps_what_the_address_still_uses()
        => Verify.VerifyCodeFixAsync("""
            using System.Net;

            class Client
            {
                public static IPEndPoint Parse(string response, IPAddress control)
                {
                    var numbers = response.Split('(', ')')[1].Split(',');
                    int p1 = int.Parse(numbers[4]);
                    int p2 = int.Parse(numbers[5]);
                    var advertised = numbers[0] + "." + numbers[1];
                    int port = {|FTP0006:(p1 << 8) | p2|};
                    return new IPEndPoint(advertised == "0.0" ? control : control, port);
                }
            }
            """, """
            using System.Net;
            using Ftp;

            class Client
            {
                public static IPEndPoint Parse(string response, IPAddress control)
                {
                    var numbers = response.Split('(', ')')[1].Split(',');
                    var advertised = numbers[0] + "." + numbers[1];
                    int port = PassiveEndpoint.Parse(response).Port;
                    return new IPEndPoint(advertised == "0.0" ? control : control, port);
                }
            }
            """);

    [Fact]
    public Task Passes_the_FtpReply_itself_when_the_parse_read_its_Message()
        => Verify.VerifyCodeFixAsync("""
            using Ftp;

            class Client
            {
                public int DataPort(FtpConnection connection)
                {
                    FtpReply reply = connection.Pasv();
                    string[] n = reply.Message.Split('(')[1].Split(')')[0].Split(',');
                    int port = {|FTP0006:int.Parse(n[4]) * 256 + int.Parse(n[5])|};
                    return port;
                }
            }
            """, """
            using Ftp;

            class Client
            {
                public int DataPort(FtpConnection connection)
                {
                    FtpReply reply = connection.Pasv();
                    int port = PassiveEndpoint.Parse(reply).Port;
                    return port;
                }
            }
            """);

    [Fact]
    public Task Keeps_the_match_that_is_still_checked()
        => Verify.VerifyCodeFixAsync("""
            using System;
            using System.Text.RegularExpressions;

            namespace Legacy
            {
                static class Pasv
                {
                    public static int Port(string line)
                    {
                        var m = Regex.Match(line, @"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)");
                        if (!m.Success)
                            throw new FormatException(line);
                        return {|FTP0006:Convert.ToInt32(m.Groups[5].Value) * 0x100 + Convert.ToInt32(m.Groups[6].Value)|};
                    }
                }
            }
            """, """
            using System;
            using System.Text.RegularExpressions;
            using Ftp;

            namespace Legacy
            {
                static class Pasv
                {
                    public static int Port(string line)
                    {
                        var m = Regex.Match(line, @"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)");
                        if (!m.Success)
                            throw new FormatException(line);
                        return PassiveEndpoint.Parse(line).Port;
                    }
                }
            }
            """);

    [Fact]
    public Task Fixes_all_parsers_of_a_file()
        => Verify.VerifyCodeFixAsync("""
            class Client
            {
                public static int First(string reply)
                {
                    string[] parts = reply.Substring(27).Split(',');
                    return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5].TrimEnd(')', '.'))|};
                }

                public static int Second(string text)
                {
                    var p = text.Split('(')[1].TrimEnd(')', '.').Split(',');
                    return {|FTP0006:(int.Parse(p[4]) << 8) + int.Parse(p[5])|};
                }
            }
            """, """
            using Ftp;

            class Client
            {
                public static int First(string reply)
                {
                    return PassiveEndpoint.Parse(reply).Port;
                }

                public static int Second(string text)
                {
                    return PassiveEndpoint.Parse(text).Port;
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_reply_is_reassigned()
        => Verify.VerifyCodeFixAsync("""
            class Client
            {
                public static int Port(string reply)
                {
                    reply = reply.Trim();
                    string[] parts = reply.Substring(reply.IndexOf('(') + 1).Split(',');
                    return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5].TrimEnd(')', '.'))|};
                }
            }
            """, """
            class Client
            {
                public static int Port(string reply)
                {
                    reply = reply.Trim();
                    string[] parts = reply.Substring(reply.IndexOf('(') + 1).Split(',');
                    return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5].TrimEnd(')', '.'))|};
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_reply_is_not_a_variable()
        => Verify.VerifyCodeFixAsync("""
            using System.IO;

            class Client
            {
                public static int Port(TextReader reader)
                {
                    string[] parts = reader.ReadLine()!.Split('(', ')')[1].Split(',');
                    return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
                }
            }
            """, """
            using System.IO;

            class Client
            {
                public static int Port(TextReader reader)
                {
                    string[] parts = reader.ReadLine()!.Split('(', ')')[1].Split(',');
                    return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
                }
            }
            """);

    [Fact]
    public async Task No_fix_without_Ftp_Client()
    {
        const string source = """
            class Client
            {
                public static int Port(string reply)
                {
                    string[] parts = reply.Split('(', ')')[1].Split(',');
                    return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.TestState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.Clear();
        await test.RunAsync();
    }

    [Fact]
    public Task No_fix_when_PassiveEndpoint_would_bind_to_another_type()
        => Verify.VerifyCodeFixAsync("""
            class PassiveEndpoint
            {
            }

            class Client
            {
                public static int Port(string reply)
                {
                    string[] parts = reply.Split('(', ')')[1].Split(',');
                    return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
                }
            }
            """, """
            class PassiveEndpoint
            {
            }

            class Client
            {
                public static int Port(string reply)
                {
                    string[] parts = reply.Split('(', ')')[1].Split(',');
                    return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
                }
            }
            """);

    [Fact]
    public Task Fixes_a_parser_in_a_lambda_field_initializer_and_in_a_local_function()
        => Verify.VerifyCodeFixAsync("""
            using System;
            using Ftp;

            class Client
            {
                public static readonly Func<string, int> PortOf = reply =>
                {
                    var f = reply.Substring(reply.IndexOf('(') + 1).TrimEnd('.', ')').Split(',');
                    return {|FTP0006:int.Parse(f[4]) * 256 + int.Parse(f[5])|};
                };

                public int Open(string line)
                {
                    return Port(line);

                    static int Port(string text)
                    {
                        int open = text.IndexOf('(');
                        string[] n = text.Substring(open + 1, text.IndexOf(')') - open - 1).Split(',');
                        return {|FTP0006:(int.Parse(n[4]) << 8) | int.Parse(n[5])|};
                    }
                }
            }
            """, """
            using System;
            using Ftp;

            class Client
            {
                public static readonly Func<string, int> PortOf = reply =>
                {
                    return PassiveEndpoint.Parse(reply).Port;
                };

                public int Open(string line)
                {
                    return Port(line);

                    static int Port(string text)
                    {
                        return PassiveEndpoint.Parse(text).Port;
                    }
                }
            }
            """);
}
