using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Authentication;
using System.Threading.Tasks;
using Ftp.Client.Tests.Servers;
using Xunit.Abstractions;

namespace Ftp.Client.Tests.Integration;

/// <summary>
/// What each real server answers to the TLS command sequences the analyzers' next rules are about;
/// the expected replies are the table in docs/ftps-servers.md, so a server that answers otherwise
/// fails here before a rule message quotes it. Each sequence runs on a fresh connection.
/// </summary>
public abstract class TlsSequenceTests
{
    private readonly FtpTestServer _server;
    private readonly ITestOutputHelper _output;

    private protected TlsSequenceTests(FtpTestServer server, ITestOutputHelper output)
    {
        _server = server;
        _output = output;
    }

    /// <summary>The replies the docs' table gives for this server, by sequence.</summary>
    protected abstract IReadOnlyDictionary<string, string> Expected { get; }

    [Theory]
    [InlineData("PBSZ before AUTH")]
    [InlineData("PROT before AUTH")]
    [InlineData("USER before AUTH")]
    [InlineData("AUTH after a clear-text login attempt")]
    [InlineData("PROT before PBSZ")]
    [InlineData("PBSZ, PROT before login")]
    [InlineData("transfer without PROT P")]
    [InlineData("transfer after PROT C")]
    [InlineData("CCC after login")]
    [InlineData("TLS 1.3 data connection")]
    public void The_server_answers_as_the_table_says(string sequence)
    {
        var replies = new List<string>();
        string answered = Run(sequence, replies);
        _output.WriteLine($"{_server.Name} | {sequence} | {answered} | {string.Join(" / ", replies)}");

        Assert.Equal(Expected[sequence], answered);
    }

    private string Run(string sequence, List<string> replies)
    {
        var steps = new List<string>();
        string Code(FtpReply reply)
        {
            replies.Add(reply.ToString().Replace("\r\n", " ", StringComparison.Ordinal));
            return reply.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        try
        {
            switch (sequence)
            {
                case "PBSZ before AUTH":
                    using (FtpConnection ftp = Connect())
                    {
                        steps.Add(Code(ftp.Pbsz()));
                    }

                    break;
                case "PROT before AUTH":
                    using (FtpConnection ftp = Connect())
                    {
                        steps.Add(Code(ftp.Prot(FtpProtection.Private)));
                    }

                    break;
                case "USER before AUTH":
                    using (FtpConnection ftp = Connect())
                    {
                        steps.Add(Code(ftp.User(_server.UserName)));
                        steps.Add(Code(ftp.Noop()));
                    }

                    break;
                case "AUTH after a clear-text login attempt":
                    using (FtpConnection ftp = Connect())
                    {
                        steps.Add(Code(ftp.User(_server.UserName)));
                        steps.Add(Code(ftp.Pass(_server.Password)));
                        steps.Add(Code(ftp.AuthTls()));
                    }

                    break;
                case "PROT before PBSZ":
                    using (FtpConnection ftp = Connect())
                    {
                        ftp.AuthTls();
                        steps.Add(Code(ftp.Prot(FtpProtection.Private)));
                    }

                    break;
                case "PBSZ, PROT before login":
                    using (FtpConnection ftp = Connect())
                    {
                        ftp.AuthTls();
                        steps.Add(Code(ftp.Pbsz()));
                        steps.Add(Code(ftp.Prot(FtpProtection.Private)));
                    }

                    break;
                case "transfer without PROT P":
                    using (FtpConnection ftp = Connect())
                    {
                        ftp.AuthTls();
                        ftp.Login(_server.UserName, _server.Password);
                        ListAfterPasv(ftp, steps, Code);
                    }

                    break;
                case "transfer after PROT C":
                    using (FtpConnection ftp = Connect())
                    {
                        ftp.AuthTls();
                        ftp.Login(_server.UserName, _server.Password);
                        ftp.Pbsz();
                        steps.Add(Code(ftp.Prot(FtpProtection.Clear)));
                        ListAfterPasv(ftp, steps, Code);
                    }

                    break;
                case "CCC after login":
                    using (FtpConnection ftp = Connect(FtpEncryption.Explicit))
                    {
                        ftp.Login(_server.UserName, _server.Password);
                        steps.Add(Code(ftp.Ccc()));
                        steps.Add(Code(ftp.Noop()));
                    }

                    break;
                case "TLS 1.3 data connection":
                    using (FtpConnection ftp = Connect(FtpEncryption.Explicit, (SslProtocols)12288))
                    {
                        ftp.Login(_server.UserName, _server.Password);
                        ListAfterPasv(ftp, steps, Code);
                    }

                    break;
                default:
                    throw new ArgumentException(sequence);
            }
        }
        catch (FtpException e) when (e.Reply is null)
        {
            steps.Add("closed");
        }
        catch (AuthenticationException)
        {
            steps.Add("TLS failed");
        }

        return string.Join(", ", steps);
    }

    // A server may refuse PASV itself (the transfer is then never sent).
    private static void ListAfterPasv(FtpConnection ftp, List<string> steps, Func<FtpReply, string> code)
    {
        FtpReply pasv = ftp.Pasv();
        steps.Add(code(pasv));
        if (pasv.Code == 227)
        {
            steps.Add(code(ftp.List(new MemoryStream())));
        }
    }

    private FtpConnection Connect(FtpEncryption encryption = FtpEncryption.None, SslProtocols protocols = SslProtocols.Tls12)
        => FtpConnection.Connect(_server.Host, _server.Port, new FtpConnectionOptions
        {
            Encryption = encryption,
            SslProtocols = protocols,
            ServerCertificateValidation = TestCertificates.TrustTestCa,
            ReadTimeout = TimeSpan.FromSeconds(10),
        });

    public sealed class Vsftpd : TlsSequenceTests, IClassFixture<VsftpdTlsFixture>
    {
        public Vsftpd(VsftpdTlsFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, output)
        {
        }

        protected override IReadOnlyDictionary<string, string> Expected { get; } = new Dictionary<string, string>
        {
            ["PBSZ before AUTH"] = "503",
            ["PROT before AUTH"] = "503",
            ["USER before AUTH"] = "530, closed",
            ["AUTH after a clear-text login attempt"] = "530, closed",
            ["PROT before PBSZ"] = "200",
            ["PBSZ, PROT before login"] = "200, 200",
            ["transfer without PROT P"] = "227, 522",
            ["transfer after PROT C"] = "200, 227, 522",
            ["CCC after login"] = "500, 200",
            ["TLS 1.3 data connection"] = "227, 226",
        };
    }

    public sealed class Proftpd : TlsSequenceTests, IClassFixture<ProftpdTlsFixture>
    {
        public Proftpd(ProftpdTlsFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, output)
        {
        }

        protected override IReadOnlyDictionary<string, string> Expected { get; } = new Dictionary<string, string>
        {
            ["PBSZ before AUTH"] = "550",
            ["PROT before AUTH"] = "550",
            ["USER before AUTH"] = "550, 550",
            ["AUTH after a clear-text login attempt"] = "550, 550, 234",
            ["PROT before PBSZ"] = "200",
            ["PBSZ, PROT before login"] = "200, 200",
            ["transfer without PROT P"] = "227, 522",
            ["transfer after PROT C"] = "534, 227, 522",
            ["CCC after login"] = "534, 200",
            ["TLS 1.3 data connection"] = "227, 226",
        };
    }

    public sealed class PureFtpd : TlsSequenceTests, IClassFixture<PureFtpdTlsFixture>
    {
        public PureFtpd(PureFtpdTlsFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, output)
        {
        }

        protected override IReadOnlyDictionary<string, string> Expected { get; } = new Dictionary<string, string>
        {
            ["PBSZ before AUTH"] = "503",
            ["PROT before AUTH"] = "503",
            ["USER before AUTH"] = "421, 200",
            ["AUTH after a clear-text login attempt"] = "421, 530, 234",
            ["PROT before PBSZ"] = "200",
            ["PBSZ, PROT before login"] = "200, 200",
            ["transfer without PROT P"] = "227, 521",
            ["transfer after PROT C"] = "200, 227, 521",
            ["CCC after login"] = "200, 200",
            ["TLS 1.3 data connection"] = "227, 226",
        };
    }

    public sealed class Pyftpdlib : TlsSequenceTests, IClassFixture<PyftpdlibTlsFixture>
    {
        public Pyftpdlib(PyftpdlibTlsFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, output)
        {
        }

        protected override IReadOnlyDictionary<string, string> Expected { get; } = new Dictionary<string, string>
        {
            ["PBSZ before AUTH"] = "503",
            ["PROT before AUTH"] = "503",
            ["USER before AUTH"] = "550, 200",
            ["AUTH after a clear-text login attempt"] = "550, 550, 234",
            ["PROT before PBSZ"] = "503",
            ["PBSZ, PROT before login"] = "200, 200",
            ["transfer without PROT P"] = "550",
            ["transfer after PROT C"] = "200, 550",
            ["CCC after login"] = "500, 200",
            ["TLS 1.3 data connection"] = "227, 226",
        };
    }
}
