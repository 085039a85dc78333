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
}
