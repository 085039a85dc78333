using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.HandWrittenPassiveReplyParsingAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

/// <summary>
/// FTP0006 on a file compiled alone, as an editor does while the rest of the project is not
/// loaded: the reply class and the command sender are types from elsewhere (unresolved), so
/// the calls that take them are invalid operations. The rule reads those calls from their syntax.
/// </summary>
public sealed class PassiveReplyWithUnresolvedTypesTests
{
    private static Task VerifyAsync(string source)
        => new Verify.Test
        {
            TestCode = source,
            CompilerDiagnostics = CompilerDiagnostics.None,
            ReferenceFtpClient = false,
        }.RunAsync();

    [Fact]
    public Task Flags_a_static_regex_match_over_a_reply_of_an_unresolved_type()
        => VerifyAsync("""
            using System.Text.RegularExpressions;

            static class PassiveModule
            {
                public static void ReadPort(ServerReply reply, out int port)
                {
                    var m = Regex.Match(reply.Message, @"(\d+),(\d+),(\d+),(\d+),(?<hi>\d+),(?<lo>\d+)");
                    if (!m.Success)
                        throw new ProtocolError(reply.Message);
                    port = {|FTP0006:(int.Parse(m.Groups["hi"].Value) << 8) + int.Parse(m.Groups["lo"].Value)|};
                }
            }
            """);

    [Fact]
    public Task Flags_an_instance_regex_field_matched_against_an_unresolved_reply_checked_for_227()
        => VerifyAsync("""
            using System.Text.RegularExpressions;

            class ChangeToPassive
            {
                private static readonly Regex Numbers = new Regex(@"(?<a>\d+),(?<b>\d+),(?<c>\d+),(?<d>\d+),(?<hi>\d+),(?<lo>\d+)");

                public int Port { get; private set; }

                public void Read(ServerReply reply)
                {
                    if (reply.Code == 227)
                    {
                        Match match = Numbers.Match(reply.Lines[0]);
                        Port = {|FTP0006:int.Parse(match.Groups["hi"].Value) * 256 + int.Parse(match.Groups["lo"].Value)|};
                    }
                }
            }
            """);

    [Fact]
    public Task Ignores_a_server_parsing_the_port_argument_of_an_unresolved_request()
        => VerifyAsync("""
            using System.Net;

            partial class Session
            {
                private IPEndPoint _endpoint;

                private void Port()
                {
                    var fields = _context.Request.Argument.Split(new char[] { ',' });
                    string[] addr = fields;
                    var ip = $"{addr[0]}.{addr[1]}.{addr[2]}.{addr[3]}";
                    var port = (int.Parse(addr[4]) * 0x100) + int.Parse(addr[5]);
                    _endpoint = new IPEndPoint(IPAddress.Parse(ip), port);
                    _context.Response.Write(200, "PORT command successful.");
                }
            }
            """);

    [Fact]
    public Task Ignores_a_regex_over_an_unresolved_value_without_the_six_numbers()
        => VerifyAsync("""
            using System.Text.RegularExpressions;

            static class Dimensions
            {
                public static int Packed(Sheet sheet)
                {
                    var m = Regex.Match(sheet.Cell, @"(?<w>\d+)x(?<h>\d+)");
                    return int.Parse(m.Groups["w"].Value) * 256 + int.Parse(m.Groups["h"].Value);
                }
            }
            """);

    [Fact]
    public Task Flags_a_generated_regex_whose_generator_did_not_run_and_the_endpoint_built_from_it()
        => new Verify.Test
        {
            TestCode = """
                using System.Net;
                using System.Text.RegularExpressions;

                static partial class Upstream
                {
                    public static IPEndPoint DataEndpoint(string line)
                    {
                        var m = Numbers().Match(line);
                        var a = int.Parse(m.Groups[1].Value);
                        var b = int.Parse(m.Groups[2].Value);
                        var c = int.Parse(m.Groups[3].Value);
                        var d = int.Parse(m.Groups[4].Value);
                        var hi = int.Parse(m.Groups[5].Value);
                        var lo = int.Parse(m.Groups[6].Value);
                        var address = new IPAddress(new byte[] { (byte)a, (byte)b, (byte)c, (byte)d });
                        return new IPEndPoint(address, {|FTP0006:hi * 256 + lo|});
                    }

                    [GeneratedRegex(@"\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)")]
                    private static partial Regex Numbers();
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
            ReferenceFtpClient = false,
        }.RunAsync();

    private static Task VerifyBothAsync(string source)
    {
        var test = new FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.AdvertisedPassiveAddressAnalyzer>.Test
        {
            TestCode = source,
            CompilerDiagnostics = CompilerDiagnostics.None,
            ReferenceFtpClient = false,
        };
        test.DisabledDiagnostics.Add("FTP0006");
        return test.RunAsync();
    }

    [Fact]
    public Task Flags_a_split_of_an_unresolved_reply_property()
        => VerifyAsync("""
            using System.Net.Sockets;

            class DataChannel
            {
                private ReplyLine _response;

                public TcpClient Open()
                {
                    int start = _response.Text.IndexOf("(") + 1;
                    int end = _response.Text.IndexOf(")");
                    string[] data = _response.Text.Substring(start, end - start).Split(',');
                    int port = {|FTP0006:int.Parse(data[4]) * 256 + int.Parse(data[5])|};
                    return new TcpClient("ftp.example.com", port);
                }
            }
            """);

    [Fact]
    public Task Leaves_a_split_of_an_unresolved_record_on_commas_alone()
        => VerifyAsync("""
            class Importer
            {
                public int Read(CsvRow row)
                {
                    string[] data = row.Text.Split(',');
                    return int.Parse(data[4]) * 256 + int.Parse(data[5]);
                }
            }
            """);

    [Fact]
    public Task Flags_the_advertised_host_given_to_an_unresolved_socket_and_host_name()
        => VerifyBothAsync("""
            using System;
            using System.Threading.Tasks;

            class UwpClient
            {
                private StreamSocket _data;

                public async Task OpenAsync(string info)
                {
                    int start = info.IndexOf("(") + 1;
                    string[] parts = info.Substring(start, info.IndexOf(")") - start).Split(',');
                    string address = string.Join(".", parts, 0, 4);
                    int port = int.Parse(parts[4]) * 256 + int.Parse(parts[5]);
                    _data = new StreamSocket();
                    await _data.ConnectAsync({|FTP0007:new HostName(address)|}, port.ToString());
                }
            }
            """);

    [Fact]
    public Task Flags_the_advertised_host_given_to_an_unresolved_connection_class()
        => VerifyBothAsync("""
            using System.Net;
            using System.Text.RegularExpressions;

            class Session
            {
                private DataConnection _data;

                public void Passive(string msg)
                {
                    var m = Regex.Match(msg, @"\d+,\d+,\d+,\d+,\d+,\d+");
                    string[] all = m.Value.Split(',');
                    var ip = IPAddress.Parse(string.Join(".", all, 0, 4));
                    _data = new DataConnection({|FTP0007:ip|}, int.Parse(all[4]) * 256 + int.Parse(all[5]));
                }
            }
            """);

    [Fact]
    public Task Leaves_a_server_connecting_an_unresolved_socket_to_a_port_argument_alone()
        => VerifyBothAsync("""
            class PortHandler
            {
                private DataConnection _data;

                public void Handle(Command command)
                {
                    string[] a = command.Argument.Split(',');
                    string ip = a[0] + "." + a[1] + "." + a[2] + "." + a[3];
                    _data = new DataConnection(ip, int.Parse(a[4]) * 256 + int.Parse(a[5]));
                    command.Reply("200 PORT command successful.");
                }
            }
            """);
}
