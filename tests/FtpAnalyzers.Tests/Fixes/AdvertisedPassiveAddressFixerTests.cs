using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes;
using Verify = FtpAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<FtpAnalyzers.Rules.AdvertisedPassiveAddressAnalyzer, FtpAnalyzers.CodeFixes.AdvertisedPassiveAddressFixer>;

namespace FtpAnalyzers.Tests.Fixes;

public sealed class AdvertisedPassiveAddressFixerTests
{
    [Fact]
    public Task Uses_the_FtpConnection_remote_address_and_removes_the_host()
        => Verify.VerifyCodeFixAsync("""
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                public TcpClient Open(FtpConnection connection)
                {
                    FtpReply reply = connection.Pasv();
                    string[] n = reply.Message.Split('(')[1].Split(')')[0].Split(',');
                    string host = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
                    return new TcpClient({|FTP0007:host|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """, """
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                public TcpClient Open(FtpConnection connection)
                {
                    FtpReply reply = connection.Pasv();
                    string[] n = reply.Message.Split('(')[1].Split(')')[0].Split(',');
                    return new TcpClient(connection.RemoteEndPoint.Address.ToString(), int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """, AdvertisedPassiveAddressFixer.EquivalenceKey);

    [Fact]
    public Task Uses_the_host_the_control_connection_was_opened_with()
        => Verify.VerifyCodeFixAsync("""
            using System.IO;
            using System.Net.Sockets;

            class RawClient
            {
                private readonly string _server;
                private TcpClient? _control;

                public RawClient(string server) => _server = server;

                public void Open() => _control = new TcpClient(_server, 21);

                public TcpClient Data(string reply)
                {
                    int s = reply.IndexOf('(') + 1;
                    string[] p = reply.Substring(s, reply.IndexOf(')') - s).Split(',');
                    string ip = string.Join(".", p, 0, 4);
                    int port = int.Parse(p[4]) * 256 + int.Parse(p[5]);
                    var data = new TcpClient();
                    data.Connect({|FTP0007:ip|}, port);
                    return data;
                }
            }
            """, """
            using System.IO;
            using System.Net.Sockets;

            class RawClient
            {
                private readonly string _server;
                private TcpClient? _control;

                public RawClient(string server) => _server = server;

                public void Open() => _control = new TcpClient(_server, 21);

                public TcpClient Data(string reply)
                {
                    int s = reply.IndexOf('(') + 1;
                    string[] p = reply.Substring(s, reply.IndexOf(')') - s).Split(',');
                    int port = int.Parse(p[4]) * 256 + int.Parse(p[5]);
                    var data = new TcpClient();
                    data.Connect(_server, port);
                    return data;
                }
            }
            """);

    [Fact]
    public Task Uses_the_control_socket_address_for_an_IPEndPoint()
        => Verify.VerifyCodeFixAsync("""
            using System.Net;
            using System.Net.Sockets;
            using System.Text.RegularExpressions;

            class SocketClient
            {
                private readonly Socket _control;

                public SocketClient(Socket control) => _control = control;

                public IPEndPoint DataEndPoint(string reply)
                {
                    var m = Regex.Match(reply, @"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)");
                    var address = IPAddress.Parse($"{m.Groups[1].Value}.{m.Groups[2].Value}.{m.Groups[3].Value}.{m.Groups[4].Value}");
                    return new IPEndPoint({|FTP0007:address|}, int.Parse(m.Groups[5].Value) * 256 + int.Parse(m.Groups[6].Value));
                }
            }
            """, """
            using System.Net;
            using System.Net.Sockets;
            using System.Text.RegularExpressions;

            class SocketClient
            {
                private readonly Socket _control;

                public SocketClient(Socket control) => _control = control;

                public IPEndPoint DataEndPoint(string reply)
                {
                    var m = Regex.Match(reply, @"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)");
                    return new IPEndPoint(((IPEndPoint)_control.RemoteEndPoint).Address, int.Parse(m.Groups[5].Value) * 256 + int.Parse(m.Groups[6].Value));
                }
            }
            """);

    [Fact]
    public Task Fixes_all_connects_of_a_file()
        => Verify.VerifyCodeFixAsync("""
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                public TcpClient First(FtpConnection connection, string reply)
                {
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new TcpClient({|FTP0007:string.Join(".", n, 0, 4)|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }

                public TcpClient Second(FtpConnection connection, string reply)
                {
                    var n = reply.Split('(', ')')[1].Split(',');
                    var host = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
                    return new TcpClient({|FTP0007:host|}, (int.Parse(n[4]) << 8) | int.Parse(n[5]));
                }
            }
            """, """
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                public TcpClient First(FtpConnection connection, string reply)
                {
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new TcpClient(connection.RemoteEndPoint.Address.ToString(), int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }

                public TcpClient Second(FtpConnection connection, string reply)
                {
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new TcpClient(connection.RemoteEndPoint.Address.ToString(), (int.Parse(n[4]) << 8) | int.Parse(n[5]));
                }
            }
            """);

    [Fact]
    public Task No_fix_when_no_control_address_is_in_scope()
        => Verify.VerifyCodeFixAsync("""
            using System.Net.Sockets;

            static class Client
            {
                public static TcpClient Data(string reply)
                {
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new TcpClient({|FTP0007:string.Join(".", n, 0, 4)|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """, """
            using System.Net.Sockets;

            static class Client
            {
                public static TcpClient Data(string reply)
                {
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new TcpClient({|FTP0007:string.Join(".", n, 0, 4)|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """);

    [Fact]
    public Task No_fix_when_two_connections_could_be_the_control_one()
        => Verify.VerifyCodeFixAsync("""
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                public TcpClient Data(FtpConnection first, FtpConnection second, string reply)
                {
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new TcpClient({|FTP0007:string.Join(".", n, 0, 4)|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """, """
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                public TcpClient Data(FtpConnection first, FtpConnection second, string reply)
                {
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new TcpClient({|FTP0007:string.Join(".", n, 0, 4)|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """);

    [Fact]
    public Task No_fix_for_the_policy_diagnostic()
    {
        const string source = """
            using Ftp;

            class Client
            {
                public static FtpConnectionOptions Options(FtpConnection connection)
                    => new FtpConnectionOptions { {|#0:PassiveAddressPolicy = PassiveAddressPolicy.UseAdvertisedAddress|} };
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("FTP0007").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithArguments(Descriptors.UseAdvertisedAddressPolicyMessage));
        return test.RunAsync();
    }

    [Fact]
    public Task Replaces_the_AdvertisedAddress_of_a_PassiveEndpoint()
        => Verify.VerifyCodeFixAsync("""
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
                    client.Connect(new IPEndPoint({|FTP0007:endpoint.AdvertisedAddress!|}, endpoint.Port));
                    return client;
                }
            }
            """, """
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
                    client.Connect(new IPEndPoint(connection.RemoteEndPoint.Address, endpoint.Port));
                    return client;
                }
            }
            """);

    [Fact]
    public Task Ignores_the_connections_of_top_level_statements_in_another_file()
    {
        // Lookup returns the top-level locals of Program.cs everywhere (CS8801 to use them): they
        // are not candidates, so the control socket parameter is the one control address.
        const string program = """
            using Ftp;

            using var first = FtpConnection.Connect("127.0.0.1");
            using var second = FtpConnection.Connect("127.0.0.1");
            """;
        var test = new Verify.Test
        {
            TestState =
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources =
                {
                    program,
                    """
                    using System.Net.Sockets;

                    static class Raw
                    {
                        public static TcpClient Open(TcpClient control, string reply)
                        {
                            string[] n = reply.Split('(', ')')[1].Split(',');
                            string host = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
                            return new TcpClient({|FTP0007:host|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                        }
                    }
                    """,
                },
            },
            FixedState =
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources =
                {
                    program,
                    """
                    using System.Net;
                    using System.Net.Sockets;

                    static class Raw
                    {
                        public static TcpClient Open(TcpClient control, string reply)
                        {
                            string[] n = reply.Split('(', ')')[1].Split(',');
                            return new TcpClient(((IPEndPoint)control.Client.RemoteEndPoint).Address.ToString(), int.Parse(n[4]) * 256 + int.Parse(n[5]));
                        }
                    }
                    """,
                },
            },
            CodeActionEquivalenceKey = AdvertisedPassiveAddressFixer.EquivalenceKey,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Fixes_an_address_made_of_byte_slots()
        => Verify.VerifyCodeFixAsync("""
            using System.Net;
            using System.Net.Sockets;

            class Slots
            {
                private Socket _control = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                public Socket Data(string line)
                {
                    string[] n = line.Substring(line.IndexOf('(') + 1).TrimEnd(')', '.').Split(',');
                    byte[] quad = new byte[4];
                    quad[0] = byte.Parse(n[0]);
                    quad[1] = byte.Parse(n[1]);
                    quad[2] = byte.Parse(n[2]);
                    quad[3] = byte.Parse(n[3]);
                    var data = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    data.Connect({|FTP0007:new IPAddress(quad)|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                    return data;
                }
            }
            """, """
            using System.Net;
            using System.Net.Sockets;

            class Slots
            {
                private Socket _control = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                public Socket Data(string line)
                {
                    string[] n = line.Substring(line.IndexOf('(') + 1).TrimEnd(')', '.').Split(',');
                    byte[] quad = new byte[4];
                    quad[0] = byte.Parse(n[0]);
                    quad[1] = byte.Parse(n[1]);
                    quad[2] = byte.Parse(n[2]);
                    quad[3] = byte.Parse(n[3]);
                    var data = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    data.Connect(((IPEndPoint)_control.RemoteEndPoint).Address, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                    return data;
                }
            }
            """, AdvertisedPassiveAddressFixer.EquivalenceKey);

    [Fact]
    public Task Fixes_a_host_advertised_in_one_arm_and_keeps_the_arms()
        => Verify.VerifyCodeFixAsync("""
            using System.Net.Sockets;

            class Arms
            {
                private readonly string _server = "ftp.example.com";
                private TcpClient _control;

                public void Open() => _control = new TcpClient(_server, 21);

                public TcpClient Data(string reply, bool ignoreAddress)
                {
                    string[] n = reply.Split('(', ')')[1].Split(',');
                    string host;
                    if (ignoreAddress)
                        host = _server;
                    else
                        host = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
                    return new TcpClient({|FTP0007:host|}, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """, """
            using System.Net.Sockets;

            class Arms
            {
                private readonly string _server = "ftp.example.com";
                private TcpClient _control;

                public void Open() => _control = new TcpClient(_server, 21);

                public TcpClient Data(string reply, bool ignoreAddress)
                {
                    string[] n = reply.Split('(', ')')[1].Split(',');
                    string host;
                    if (ignoreAddress)
                        host = _server;
                    else
                        host = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
                    return new TcpClient(_server, int.Parse(n[4]) * 256 + int.Parse(n[5]));
                }
            }
            """, AdvertisedPassiveAddressFixer.EquivalenceKey);

    [Fact]
    public Task Replaces_a_host_kept_in_another_object_with_the_control_host()
        => Verify.VerifyCodeFixAsync("""
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
                private readonly string _server = "ftp.example.com";
                private StreamReader _reader;
                private StreamWriter _writer;

                public void Open()
                {
                    var control = new TcpClient(_server, 21);
                    _reader = new StreamReader(control.GetStream());
                    _writer = new StreamWriter(control.GetStream());
                }

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
            """, """
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
                private readonly string _server = "ftp.example.com";
                private StreamReader _reader;
                private StreamWriter _writer;

                public void Open()
                {
                    var control = new TcpClient(_server, 21);
                    _reader = new StreamReader(control.GetStream());
                    _writer = new StreamWriter(control.GetStream());
                }

                public void EnterPassive()
                {
                    _writer.WriteLine("PASV");
                    string reply = _reader.ReadLine();
                    string[] p = reply.Substring(reply.IndexOf('(') + 1).TrimEnd(')', '.').Split(',');
                    _session.DataHost = $"{p[0]}.{p[1]}.{p[2]}.{p[3]}";
                    _session.DataPort = int.Parse(p[4]) * 256 + int.Parse(p[5]);
                }

                public TcpClient OpenData() => new TcpClient(_server, _session.DataPort);
            }
            """, AdvertisedPassiveAddressFixer.EquivalenceKey);

    [Fact]
    public Task No_fix_for_a_host_of_another_object_connected_to_where_no_control_address_is_in_scope()
        => Verify.VerifyCodeFixAsync("""
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
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new DataTarget { Address = string.Join(".", n, 0, 4), Port = (int.Parse(n[4]) << 8) | int.Parse(n[5]) };
                }
            }

            static class Channel
            {
                public static Socket Open(DataTarget target)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect({|FTP0007:IPAddress.Parse(target.Address)|}, target.Port);
                    return socket;
                }
            }
            """, """
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
                    var n = reply.Split('(', ')')[1].Split(',');
                    return new DataTarget { Address = string.Join(".", n, 0, 4), Port = (int.Parse(n[4]) << 8) | int.Parse(n[5]) };
                }
            }

            static class Channel
            {
                public static Socket Open(DataTarget target)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect({|FTP0007:IPAddress.Parse(target.Address)|}, target.Port);
                    return socket;
                }
            }
            """);

    [Fact]
    public Task Replaces_a_host_returned_through_two_helpers_and_keeps_the_helpers()
        => Verify.VerifyCodeFixAsync("""
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                private static string ParseHost(string reply)
                {
                    string[] p = reply.Substring(reply.IndexOf('(') + 1).TrimEnd(')').Split(',');
                    return string.Join(".", p, 0, 4);
                }

                private static string DataHost(string reply) => ParseHost(reply);

                public static TcpClient Open(FtpConnection connection, int port)
                {
                    var reply = connection.Pasv();
                    if (reply.Code != 227)
                        throw new System.InvalidOperationException(reply.Message);
                    return new TcpClient({|FTP0007:DataHost(reply.Message)|}, port);
                }
            }
            """, """
            using System.Net.Sockets;
            using Ftp;

            class Client
            {
                private static string ParseHost(string reply)
                {
                    string[] p = reply.Substring(reply.IndexOf('(') + 1).TrimEnd(')').Split(',');
                    return string.Join(".", p, 0, 4);
                }

                private static string DataHost(string reply) => ParseHost(reply);

                public static TcpClient Open(FtpConnection connection, int port)
                {
                    var reply = connection.Pasv();
                    if (reply.Code != 227)
                        throw new System.InvalidOperationException(reply.Message);
                    return new TcpClient(connection.RemoteEndPoint.Address.ToString(), port);
                }
            }
            """, AdvertisedPassiveAddressFixer.EquivalenceKey);

    [Fact]
    public Task Replaces_an_address_made_with_LINQ_in_a_helper()
        => Verify.VerifyCodeFixAsync("""
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;

            class Client
            {
                private readonly Socket _control;

                public Client(Socket control) => _control = control;

                private static IPAddress Address(string reply)
                    => new IPAddress(reply.Split('(', ')')[1].Split(',').Take(4).Select(byte.Parse).ToArray());

                public IPEndPoint DataEndPoint(string reply, int port) => new IPEndPoint({|FTP0007:Address(reply)|}, port); // PASV
            }
            """, """
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;

            class Client
            {
                private readonly Socket _control;

                public Client(Socket control) => _control = control;

                private static IPAddress Address(string reply)
                    => new IPAddress(reply.Split('(', ')')[1].Split(',').Take(4).Select(byte.Parse).ToArray());

                public IPEndPoint DataEndPoint(string reply, int port) => new IPEndPoint(((IPEndPoint)_control.RemoteEndPoint).Address, port); // PASV
            }
            """, AdvertisedPassiveAddressFixer.EquivalenceKey);
}
