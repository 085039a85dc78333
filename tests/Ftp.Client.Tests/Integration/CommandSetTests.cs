using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Ftp.Client.Tests.Servers;
using Xunit.Abstractions;

namespace Ftp.Client.Tests.Integration;

/// <summary>
/// The RFC 959 and RFC 3659 commands added with FTPS (ABOR, ALLO, MODE, STRU, SITE, SMNT, REIN,
/// HELP, STOU, MLST) against each real server, logged in, each on a fresh connection: the reply
/// code each server gives, as measured, and that the connection still answers afterwards.
/// </summary>
public abstract class CommandSetTests
{
    private readonly FtpTestServer _server;
    private readonly ITestOutputHelper _output;

    private protected CommandSetTests(FtpTestServer server, ITestOutputHelper output)
    {
        _server = server;
        _output = output;
    }

    /// <summary>The reply code per command, as measured on this server.</summary>
    protected abstract IReadOnlyDictionary<string, int> Expected { get; }

    [Theory]
    [InlineData("ABOR")]
    [InlineData("ALLO")]
    [InlineData("MODE S")]
    [InlineData("MODE B")]
    [InlineData("STRU F")]
    [InlineData("STRU R")]
    [InlineData("SITE HELP")]
    [InlineData("SMNT")]
    [InlineData("HELP")]
    [InlineData("HELP RETR")]
    [InlineData("MLST")]
    [InlineData("MLST file")]
    [InlineData("REIN")]
    public void The_command_gets_the_measured_reply_and_the_connection_goes_on(string command)
    {
        string name = Guid.NewGuid().ToString("N").Substring(0, 8) + "-facts.txt";
        File.WriteAllText(Path.Combine(_server.HomeDirectory, name), "12345");
        using FtpConnection ftp = FtpConnection.Connect(_server.Host, _server.Port);
        ftp.Login(_server.UserName, _server.Password);

        FtpReply reply = command switch
        {
            "ABOR" => ftp.Abor(),
            "ALLO" => ftp.Allo(1000),
            "MODE S" => ftp.Mode(FtpTransferMode.Stream),
            "MODE B" => ftp.Mode(FtpTransferMode.Block),
            "STRU F" => ftp.Stru(FtpFileStructure.File),
            "STRU R" => ftp.Stru(FtpFileStructure.Record),
            "SITE HELP" => ftp.Site("HELP"),
            "SMNT" => ftp.Smnt("/"),
            "HELP" => ftp.Help(),
            "HELP RETR" => ftp.Help("RETR"),
            "MLST" => ftp.Mlst(),
            "MLST file" => ftp.Mlst(name),
            "REIN" => ftp.Rein(),
            _ => throw new ArgumentException(command),
        };
        _output.WriteLine($"{_server.Name} | {command} | {reply.ToString().Replace("\r\n", " / ", StringComparison.Ordinal)}");

        Assert.Equal(Expected[command], reply.Code);
        if (command == "MLST file" && reply.Code == 250)
        {
            Assert.Contains(reply.Lines, line => line.Contains("size=5", StringComparison.OrdinalIgnoreCase) && line.TrimEnd().EndsWith(name, StringComparison.Ordinal));
        }

        Assert.True(ftp.Noop().IsPositiveCompletion || command == "REIN");
    }

    [Fact]
    public void Stou_uploads_under_a_name_the_server_picks()
    {
        string before = string.Join(",", Directory.GetFiles(_server.HomeDirectory).Select(Path.GetFileName));
        using FtpConnection ftp = FtpConnection.Connect(_server.Host, _server.Port);
        ftp.Login(_server.UserName, _server.Password);
        ftp.Type(FtpDataType.Binary);
        ftp.Pasv();

        FtpReply reply = ftp.Stou(new MemoryStream(Encoding.ASCII.GetBytes("unique content")));
        _output.WriteLine($"{_server.Name} | STOU | {reply}");

        Assert.Equal(Expected["STOU"], reply.Code);
        if (reply.Code == 226 || reply.Code == 250)
        {
            Assert.Contains(Directory.GetFiles(_server.HomeDirectory), path => File.ReadAllText(path) == "unique content" && !before.Contains(Path.GetFileName(path), StringComparison.Ordinal));
        }
    }

    public sealed class Vsftpd : CommandSetTests, IClassFixture<VsftpdFixture>
    {
        public Vsftpd(VsftpdFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, output)
        {
        }

        protected override IReadOnlyDictionary<string, int> Expected { get; } = new Dictionary<string, int>
        {
            ["ABOR"] = 225,
            ["ALLO"] = 202,
            ["MODE S"] = 200,
            ["MODE B"] = 504,
            ["STRU F"] = 200,
            ["STRU R"] = 504,
            ["SITE HELP"] = 214,
            ["SMNT"] = 502,
            ["HELP"] = 214,
            ["HELP RETR"] = 214,
            ["MLST"] = 500,
            ["MLST file"] = 500,
            ["REIN"] = 502,
            ["STOU"] = 226,
        };
    }

    public sealed class Proftpd : CommandSetTests, IClassFixture<ProftpdFixture>
    {
        public Proftpd(ProftpdFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, output)
        {
        }

        protected override IReadOnlyDictionary<string, int> Expected { get; } = new Dictionary<string, int>
        {
            ["ABOR"] = 226,
            ["ALLO"] = 200,
            ["MODE S"] = 200,
            ["MODE B"] = 504,
            ["STRU F"] = 200,
            ["STRU R"] = 504,
            ["SITE HELP"] = 214,
            ["SMNT"] = 502,
            ["HELP"] = 214,
            ["HELP RETR"] = 214,
            ["MLST"] = 250,
            ["MLST file"] = 250,
            ["REIN"] = 502,
            ["STOU"] = 226,
        };
    }

    public sealed class PureFtpd : CommandSetTests, IClassFixture<PureFtpdFixture>
    {
        public PureFtpd(PureFtpdFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, output)
        {
        }

        protected override IReadOnlyDictionary<string, int> Expected { get; } = new Dictionary<string, int>
        {
            ["ABOR"] = 226,
            ["ALLO"] = 200,
            ["MODE S"] = 200,
            ["MODE B"] = 504,
            ["STRU F"] = 200,
            ["STRU R"] = 504,
            ["SITE HELP"] = 214,
            ["SMNT"] = 500,
            ["HELP"] = 214,
            ["HELP RETR"] = 214,
            ["MLST"] = 250,
            ["MLST file"] = 250,
            ["REIN"] = 500,
            ["STOU"] = 226,
        };
    }

    public sealed class Pyftpdlib : CommandSetTests, IClassFixture<PyftpdlibFixture>
    {
        public Pyftpdlib(PyftpdlibFixture fixture, ITestOutputHelper output)
            : base(fixture.Server, output)
        {
        }

        protected override IReadOnlyDictionary<string, int> Expected { get; } = new Dictionary<string, int>
        {
            ["ABOR"] = 225,
            ["ALLO"] = 202,
            ["MODE S"] = 200,
            ["MODE B"] = 504,
            ["STRU F"] = 200,
            ["STRU R"] = 504,
            ["SITE HELP"] = 214,
            ["SMNT"] = 500,
            ["HELP"] = 214,
            ["HELP RETR"] = 214,
            ["MLST"] = 250,
            ["MLST file"] = 250,
            ["REIN"] = 230,
            ["STOU"] = 226,
        };
    }
}
