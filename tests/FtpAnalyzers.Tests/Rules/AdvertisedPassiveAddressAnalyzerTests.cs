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
}
