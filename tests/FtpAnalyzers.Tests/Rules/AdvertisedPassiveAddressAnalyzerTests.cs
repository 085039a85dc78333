using System.Threading.Tasks;
using FtpAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<FtpAnalyzers.Rules.AdvertisedPassiveAddressAnalyzer>;

namespace FtpAnalyzers.Tests.Rules;

/// <summary>
/// FTP0007 messages, severities and what it must leave alone. More shapes are in
/// PassiveReplyCorpus/ (PassiveReplyCorpusTests).
/// </summary>
public sealed class AdvertisedPassiveAddressAnalyzerTests
{
    private const string ConnectMessage = "The data connection goes to the address the 227 reply advertises, so a hostile server can point it at any host and port (CVE-2020-8284, CVE-2021-4189); connect to the control connection's address and take only the port from the reply";
    private const string PolicyMessage = "PassiveAddressPolicy.UseAdvertisedAddress connects data connections to the address the 227 reply advertises, so a hostile server can point them at any host and port (CVE-2020-8284, CVE-2021-4189); keep UseControlAddress unless the server sits behind a NAT and advertises the address to use";

    [Fact]
    public async Task Flags_the_advertised_host_passed_to_TcpClient_without_Ftp_Client()
    {
        var test = new Verify.Test
        {
            ReferenceFtpClient = false,
            TestCode = """
                using System.Net.Sockets;

                class Client
                {
                    public static TcpClient Data(string reply)
                    {
                        string[] n = reply.Split('(', ')')[1].Split(',');
                        string host = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
                        return new TcpClient({|#0:host|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("FTP0007").WithLocation(0).WithMessage(ConnectMessage));
        await test.RunAsync();
    }

    [Fact]
    public Task Reports_the_policy_assignment_as_information()
        => Verify.VerifyAnalyzerAsync("""
            using Ftp;

            class Client
            {
                public static FtpConnectionOptions Options()
                {
                    var options = new FtpConnectionOptions();
                    {|#0:options.PassiveAddressPolicy = PassiveAddressPolicy.UseAdvertisedAddress|};
                    return options;
                }
            }
            """,
            Verify.Diagnostic("FTP0007").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(PolicyMessage));

    [Fact]
    public Task Reports_the_policy_in_an_object_initializer_as_information()
        => Verify.VerifyAnalyzerAsync("""
            using Ftp;

            class Client
            {
                public static FtpConnection Open(string host)
                    => FtpConnection.Connect(host, 21, new FtpConnectionOptions { {|#0:PassiveAddressPolicy = PassiveAddressPolicy.UseAdvertisedAddress|} });
            }
            """,
            Verify.Diagnostic("FTP0007").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(PolicyMessage));

    [Fact]
    public Task Ignores_the_default_policy()
        => Verify.VerifyAnalyzerAsync("""
            using Ftp;

            class Client
            {
                public static FtpConnectionOptions Options(bool trust)
                    => new FtpConnectionOptions { PassiveAddressPolicy = PassiveAddressPolicy.UseControlAddress };
            }
            """);

    [Fact]
    public Task Ignores_a_host_that_is_replaced_on_some_path()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net.Sockets;

            class Client
            {
                public static TcpClient Data(string reply, string controlHost)
                {
                    string[] n = reply.Split('(', ')')[1].Split(',');
                    string host = string.Join(".", n, 0, 4);
                    if (host.StartsWith("10."))
                        host = controlHost;
                    return new TcpClient(host, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """);

    [Fact]
    public Task Ignores_the_control_address()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net;
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                public static TcpClient Data(FtpConnection connection, string reply)
                {
                    var client = new TcpClient();
                    client.Connect(PassiveEndpoint.Parse(reply).ToEndPoint(connection.RemoteEndPoint.Address));
                    return client;
                }
            }
            """);

    [Fact]
    public Task Ignores_the_address_of_a_PORT_argument()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net;

            class Server
            {
                public static IPEndPoint ActiveTarget(string argument)
                {
                    var n = argument.Split(',');
                    return new IPEndPoint(IPAddress.Parse(string.Join(".", n, 0, 4)), int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """);

    [Fact]
    public Task Flags_the_AdvertisedAddress_of_a_PassiveEndpoint()
        => Verify.VerifyAnalyzerAsync("""
            #nullable enable
            using System.Net;
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                public static TcpClient Data(FtpConnection connection)
                {
                    var endpoint = PassiveEndpoint.Parse(connection.Pasv());
                    var client = new TcpClient();
                    client.Connect(new IPEndPoint({|#0:endpoint.AdvertisedAddress!|}, endpoint.Port));
                    return client;
                }
            }
            """,
            Verify.Diagnostic("FTP0007").WithLocation(0).WithMessage(ConnectMessage));

    // A host kept in another object: a property or field of a session, a data-channel description,
    // set once in the file to the advertised host and connected to elsewhere.

    [Fact]
    public Task Flags_a_host_kept_in_a_property_of_another_object()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Net.Sockets;

            class Session
            {
                public string DataHost { get; set; }
                public int DataPort { get; set; }
            }

            class Client
            {
                private readonly Session _session = new Session();
                private StreamReader _reader;
                private StreamWriter _writer;

                public void EnterPassive()
                {
                    _writer.WriteLine("PASV");
                    string reply = _reader.ReadLine();
                    string[] p = reply.Substring(reply.IndexOf('(') + 1).TrimEnd(')', '.').Split(',');
                    _session.DataHost = $"{p[0]}.{p[1]}.{p[2]}.{p[3]}";
                    _session.DataPort = int.Parse(p[4]) * 256 + int.Parse(p[5]);
                }

                public TcpClient OpenData() => new TcpClient({|FTP0007:_session.DataHost|}, _session.DataPort);
            }
            """);

    [Fact]
    public Task Flags_a_host_set_in_an_object_initializer_and_connected_to_by_another_class()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net;
            using System.Net.Sockets;

            sealed class DataTarget
            {
                public string Address;
                public int Port;
            }

            class Parser
            {
                public static DataTarget FromPasv(string reply)
                {
                    if (!reply.StartsWith("227"))
                        return null;
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new DataTarget { Address = string.Join(".", n, 0, 4), Port = (int.Parse(n[4]) << 8) | int.Parse(n[5]) };
                }
            }

            class Channel
            {
                public Socket Open(DataTarget target)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect({|FTP0007:IPAddress.Parse(target.Address)|}, target.Port);
                    return socket;
                }
            }
            """);

    [Fact]
    public Task Flags_a_host_stored_in_an_object_and_connected_to_in_the_same_member()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net.Sockets;

            class Endpoint { public string Host; public int Port; }

            class Client
            {
                public TcpClient Passive(string reply)
                {
                    var endpoint = new Endpoint();
                    string[] p = reply.Substring(reply.IndexOf('(') + 1).Split(')')[0].Split(',');
                    endpoint.Host = p[0] + "." + p[1] + "." + p[2] + "." + p[3];
                    endpoint.Port = int.Parse(p[4]) * 256 + int.Parse(p[5]);
                    return new TcpClient({|FTP0007:endpoint.Host|}, endpoint.Port);
                }
            }
            """);

    [Fact]
    public Task Ignores_a_property_of_another_object_also_set_to_the_control_host()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net.Sockets;

            class Session { public string DataHost { get; set; } }

            class Client
            {
                private readonly Session _session = new Session();
                private readonly string _server = "ftp.example.com";

                public void OnPasv(string reply, bool trustServer)
                {
                    string[] p = reply.Split('(', ')')[1].Split(',');
                    _session.DataHost = string.Join(".", p, 0, 4);
                }

                public void KeepControlHost() => _session.DataHost = _server;

                public TcpClient OpenData(int port) => new TcpClient(_session.DataHost, port);
            }
            """);

    [Fact]
    public Task Ignores_a_property_whose_getter_is_not_the_stored_value()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net.Sockets;

            class Session
            {
                private string _host;
                public string ControlHost = "ftp.example.com";
                public string DataHost { get => ControlHost; set => _host = value; }
            }

            class Client
            {
                private readonly Session _session = new Session();

                public void OnPasv(string reply)
                {
                    string[] p = reply.Split('(', ')')[1].Split(',');
                    _session.DataHost = string.Join(".", p, 0, 4);
                }

                public TcpClient OpenData(int port) => new TcpClient(_session.DataHost, port);
            }
            """);

    [Fact]
    public Task Ignores_the_control_host_kept_in_another_object()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net.Sockets;

            class Session { public string DataHost { get; set; } public int DataPort { get; set; } }

            class Client
            {
                private readonly Session _session = new Session();
                private readonly string _server = "ftp.example.com";

                public void OnPasv(string reply)
                {
                    string[] p = reply.Split('(', ')')[1].Split(',');
                    _session.DataHost = _server;
                    _session.DataPort = int.Parse(p[4]) * 256 + int.Parse(p[5]);
                }

                public TcpClient OpenData() => new TcpClient(_session.DataHost, _session.DataPort);
            }
            """);

    [Fact]
    public Task Ignores_a_server_keeping_the_PORT_address_in_its_session()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Net;
            using System.Net.Sockets;

            class Session { public string ActiveHost { get; set; } public int ActivePort { get; set; } }

            class Server
            {
                private readonly Session _session = new Session();
                private StreamWriter _writer;

                public void Dispatch(string command, string argument, IPAddress local, int listening)
                {
                    switch (command)
                    {
                        case "PORT":
                            var n = argument.Split(',');
                            _session.ActiveHost = string.Join(".", n, 0, 4);
                            _session.ActivePort = int.Parse(n[4]) * 256 + int.Parse(n[5]);
                            _writer.WriteLine("200 PORT command successful");
                            break;
                        case "PASV":
                            _writer.WriteLine("227 Entering Passive Mode (" + local.ToString().Replace('.', ',') + "," + (listening >> 8) + "," + (listening & 255) + ")");
                            break;
                    }
                }

                public TcpClient ConnectActive() => new TcpClient(_session.ActiveHost, _session.ActivePort);
            }
            """);

    [Fact]
    public Task Ignores_an_EPSV_port_kept_with_the_control_host()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net.Sockets;

            class Target { public string Host { get; set; } public int Port { get; set; } }

            class Client
            {
                private readonly string _server = "ftp.example.com";
                private Target _target;

                public void OnEpsv(string reply)
                {
                    if (!reply.StartsWith("229"))
                        return;
                    var port = int.Parse(reply.Split('|')[3]);
                    _target = new Target { Host = _server, Port = port };
                }

                public TcpClient OpenData() => new TcpClient(_target.Host, _target.Port);
            }
            """);

    [Fact]
    public Task Ignores_the_control_address_of_a_PassiveEndpoint_kept_in_another_object()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net;
            using System.Net.Sockets;
            using Ftp;

            class Target { public IPEndPoint EndPoint { get; set; } public string Host { get; set; } }

            class Client
            {
                private readonly Target _target = new Target();

                public void OnPasv(FtpConnection connection)
                {
                    var endpoint = PassiveEndpoint.Parse(connection.Pasv());
                    _target.EndPoint = endpoint.ToEndPoint(connection.RemoteEndPoint.Address);
                    _target.Host = _target.EndPoint.Address.ToString();
                }

                public TcpClient OpenData() => new TcpClient(_target.Host, _target.EndPoint.Port);
            }
            """);

    // The host handed back through two helpers: one parses, one returns what the first returned.

    [Fact]
    public Task Flags_a_host_returned_through_two_helpers()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Net.Sockets;

            class Client
            {
                private static string ParseHost(string reply)
                {
                    string[] p = reply.Substring(reply.IndexOf('(') + 1).TrimEnd(')').Split(',');
                    return string.Join(".", p, 0, 4);
                }

                private static string DataHost(string reply)
                {
                    var host = ParseHost(reply);
                    return host;
                }

                public static TcpClient Open(StreamWriter writer, StreamReader reader, int port)
                {
                    writer.WriteLine("PASV");
                    return new TcpClient({|FTP0007:DataHost(reader.ReadLine())|}, port);
                }
            }
            """);

    [Fact]
    public Task Flags_a_host_handed_out_by_a_helper_that_got_it_from_another()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net;
            using System.Net.Sockets;

            class Client
            {
                private static IPAddress Address(string reply)
                {
                    var n = reply.Split('(', ')')[1].Split(',');
                    return IPAddress.Parse(n[0] + "." + n[1] + "." + n[2] + "." + n[3]);
                }

                private static bool TryPassive(string reply, out IPAddress address)
                {
                    address = Address(reply);
                    return true;
                }

                public static Socket Open(string reply, int port)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    if (TryPassive(reply, out var address))
                        socket.Connect(new IPEndPoint({|FTP0007:address|}, port));
                    return socket;
                }
            }
            """);

    [Fact]
    public Task Ignores_a_host_returned_through_three_helpers()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Net.Sockets;

            class Client
            {
                private static string ParseHost(string reply)
                {
                    string[] p = reply.Substring(reply.IndexOf('(') + 1).TrimEnd(')').Split(',');
                    return string.Join(".", p, 0, 4);
                }

                private static string Middle(string reply) => ParseHost(reply);

                private static string DataHost(string reply) => Middle(reply);

                public static TcpClient Open(StreamWriter writer, StreamReader reader, int port)
                {
                    writer.WriteLine("PASV");
                    return new TcpClient(DataHost(reader.ReadLine()), port);
                }
            }
            """);

    [Fact]
    public Task Ignores_a_host_the_outer_helper_replaces_on_a_path()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net.Sockets;

            class Client
            {
                private readonly string _server = "ftp.example.com";

                private static string ParseHost(string reply)
                {
                    string[] p = reply.Substring(reply.IndexOf('(') + 1).TrimEnd(')').Split(',');
                    return string.Join(".", p, 0, 4);
                }

                private string DataHost(string reply, bool trust)
                {
                    if (!trust)
                        return _server;
                    return ParseHost(reply);
                }

                public TcpClient Open(string reply, int port) => new TcpClient(DataHost(reply, false), port); // after PASV
            }
            """);

    [Fact]
    public Task Ignores_a_version_returned_through_two_helpers()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net.Sockets;

            class Updater
            {
                private static string Version(string line)
                {
                    string[] p = line.Split(',');
                    return string.Join(".", p, 0, 4);
                }

                private static string Mirror(string line) => Version(line);

                public static TcpClient Fetch(string line) => new TcpClient(Mirror(line), 443); // not a PASV reply
            }
            """);

    // The host made with LINQ, in the member or in a helper.

    [Fact]
    public Task Flags_a_host_joined_from_parsed_numbers_taken_with_LINQ_in_a_helper()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Linq;
            using System.Net.Sockets;

            class Client
            {
                private static string DataHost(string reply)
                {
                    var parts = reply.Substring(reply.IndexOf('(') + 1).TrimEnd(')', '.', '\r', '\n').Split(',');
                    return string.Join(".", parts.Take(4).Select(int.Parse));
                }

                public static TcpClient Open(StreamWriter writer, StreamReader reader, int port)
                {
                    writer.WriteLine("PASV");
                    return new TcpClient({|FTP0007:DataHost(reader.ReadLine())|}, port);
                }
            }
            """);

    [Fact]
    public Task Flags_an_address_made_of_bytes_taken_with_LINQ_from_numbers_a_helper_returns()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;

            class Client
            {
                private static int[] Numbers(string reply)
                    => reply.Split('(', ')')[1].Split(',').Select(int.Parse).ToArray();

                private static IPAddress Address(string reply)
                    => new IPAddress(Numbers(reply).Take(4).Select(n => (byte)n).ToArray());

                public static TcpClient Open(StreamWriter writer, StreamReader reader, int port)
                {
                    writer.WriteLine("PASV");
                    var client = new TcpClient();
                    client.Connect({|FTP0007:Address(reader.ReadLine())|}, port);
                    return client;
                }
            }
            """);

    [Fact]
    public Task Flags_a_host_folded_with_Aggregate()
        => Verify.VerifyAnalyzerAsync("""
            using System.Linq;
            using System.Net.Sockets;

            class Client
            {
                public static TcpClient Open(string reply)
                {
                    var parts = reply.Split('(', ')')[1].Split(',');
                    var host = parts.Take(4).Aggregate((a, b) => a + "." + b);
                    return new TcpClient({|FTP0007:host|}, int.Parse(parts[4]) * 256 + int.Parse(parts[5]));
                }
            }
            """);

    [Fact]
    public Task Ignores_a_version_or_a_CSV_record_taken_with_LINQ()
        => Verify.VerifyAnalyzerAsync("""
            using System.Linq;
            using System.Net.Sockets;

            class Records
            {
                private static string Version(string line) => string.Join(".", line.Split(',').Take(4).Select(int.Parse));

                public static TcpClient Mirror(string record)
                {
                    var fields = record.Split(',');
                    var host = string.Join(".", fields.Take(4).Select(f => f.Trim()).ToArray());
                    return new TcpClient(host, int.Parse(fields[4]));
                }

                public static TcpClient Versioned(string line) => new TcpClient(Version(line), 80); // no PASV here
            }
            """);

    [Fact]
    public Task Ignores_the_last_four_numbers_taken_with_LINQ()
        => Verify.VerifyAnalyzerAsync("""
            using System.Linq;
            using System.Net.Sockets;

            class Client
            {
                public static TcpClient Open(string reply, string controlHost)
                {
                    var parts = reply.Split('(', ')')[1].Split(',');
                    var ignored = string.Join(".", parts.Skip(2).Take(4));
                    return new TcpClient(controlHost, int.Parse(parts[4]) * 256 + int.Parse(parts[5]));
                }
            }
            """);

    [Fact]
    public Task Flags_the_address_of_a_reply_a_helper_cuts_between_parentheses()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net;

            static class Replies
            {
                private static string Middle(string text, string left, string right)
                {
                    var from = text.IndexOf(left) + left.Length;
                    return text.Substring(from, text.IndexOf(right, from) - from);
                }

                public static IPEndPoint DataEndPoint(string reply)
                {
                    var n = Middle(reply, "(", ")").Split(',');
                    var ip = IPAddress.Parse(string.Format("{0}.{1}.{2}.{3}", n[0], n[1], n[2], n[3]));
                    return new IPEndPoint({|FTP0007:ip|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """);

    [Fact]
    public Task Ignores_a_CSV_record_next_to_a_call_given_parentheses()
        => Verify.VerifyAnalyzerAsync("""
            using System.Net;

            static class Config
            {
                private static void Trace(string format, string open, string close) { }

                public static IPEndPoint Gateway(string line)
                {
                    Trace("record {0}{1}", "(", ")");
                    var n = line.Split(',');
                    return new IPEndPoint(IPAddress.Parse(string.Join(".", n, 0, 4)), int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """);

    private const string SessionClient = """
        using System.IO;
        using System.Net.Sockets;

        class Client
        {
            private readonly Session _session = new Session();
            private StreamReader _reader;
            private StreamWriter _writer;

            public void EnterPassive()
            {
                _writer.WriteLine("PASV");
                string[] p = _reader.ReadLine().Split('(', ')')[1].Split(',');
                _session.DataHost = string.Join(".", p, 0, 4);
                _session.DataPort = int.Parse(p[4]) * 256 + int.Parse(p[5]);
            }

            public TcpClient OpenData() => new TcpClient(HOST, _session.DataPort);
        }
        """;

    [Fact]
    public async Task Flags_a_host_kept_in_an_object_whose_type_is_declared_in_another_file()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Client.cs", SessionClient.Replace("HOST", "{|FTP0007:_session.DataHost|}")));
        test.TestState.Sources.Add(("Session.cs", """
            class Session
            {
                public string DataHost { get; set; }
                public int DataPort { get; set; }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Ignores_a_host_the_objects_own_type_resets_in_another_file()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Client.cs", SessionClient.Replace("HOST", "_session.DataHost")));
        test.TestState.Sources.Add(("Session.cs", """
            class Session
            {
                public string DataHost { get; set; }
                public int DataPort { get; set; }

                public void UseControlHost(string control) => DataHost = control;
            }
            """));
        await test.RunAsync();
    }
}
