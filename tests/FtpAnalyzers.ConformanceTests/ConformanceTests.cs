using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Ftp.Client.Tests.Servers;

namespace FtpAnalyzers.ConformanceTests;

/// <summary>
/// How we know the rules tell the truth: each program is analyzed, then run against vsftpd,
/// pyftpdlib, ProFTPD and Pure-FTPd. A flagged program must fail at the very command flagged; an
/// unflagged one must complete. The only exceptions are the ones shared/ftp-protocol.md records,
/// and for those the run checks that the server really does accept (or refuse) the sequence.
/// </summary>
public abstract class ConformanceTests
{
    protected abstract FtpTestServer Server { get; }

    [Theory]
    [MemberData(nameof(ConformancePrograms.Names), MemberType = typeof(ConformancePrograms))]
    public async Task The_rules_flag_exactly_what_the_server_refuses(string name)
    {
        var program = ConformancePrograms.Named(name);
        var runner = new ProgramRunner(program);

        var flagged = await runner.AnalyzeAsync();
        Assert.Equal(program.ExpectedDiagnostics, flagged);

        ResetHome(Server.HomeDirectory);
        var outcome = await runner.RunAsync(Server.Host, Server.Port, Server.UserName, Server.Password);
        Assert.True(program.ExpectedRefusalLines.SetEquals(outcome.RefusedLines), $"{name} expects the server to refuse the commands of lines {string.Join(", ", program.ExpectedRefusalLines)}; refused: {string.Join(", ", outcome.RefusedLines)}:\n{outcome}");

        if (flagged.Count == 0 && program.RefusedBy?.ContainsKey(Server.Name) == true)
        {
            Assert.True(outcome.FailedLine is not null, $"{name} was expected to be refused by {Server.Name} ({program.RefusedBy[Server.Name]}) but completed:\n{outcome}");
        }
        else if (flagged.Count == 0 || program.AcceptedBy?.ContainsKey(Server.Name) == true)
        {
            Assert.True(outcome.FailedLine is null, $"{name} should complete on {Server.Name} but failed at line {outcome.FailedLine}:\n{outcome}");
        }
        else
        {
            Assert.True(outcome.FailedLine == flagged[0].Line, $"{name} should fail at line {flagged[0].Line} ({flagged[0].Rule}) on {Server.Name}, but {(outcome.FailedLine is null ? "completed" : "failed at line " + outcome.FailedLine)}:\n{outcome}");
        }
    }

    /// <summary>Every program starts from a home folder holding only a.txt.</summary>
    internal static void ResetHome(string home)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(home))
        {
            if (Directory.Exists(entry))
                Directory.Delete(entry, recursive: true);
            else
                File.Delete(entry);
        }
        var file = Path.Combine(home, "a.txt");
        File.WriteAllText(file, "Hello, FTP!\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, (UnixFileMode)0b110_110_110);
    }
}

public sealed class VsftpdConformanceTests(VsftpdFixture fixture) : ConformanceTests, IClassFixture<VsftpdFixture>
{
    protected override FtpTestServer Server => fixture.Server;
}

public sealed class PyftpdlibConformanceTests(PyftpdlibFixture fixture) : ConformanceTests, IClassFixture<PyftpdlibFixture>
{
    protected override FtpTestServer Server => fixture.Server;
}

public sealed class ProftpdConformanceTests(ProftpdFixture fixture) : ConformanceTests, IClassFixture<ProftpdFixture>
{
    protected override FtpTestServer Server => fixture.Server;
}

public sealed class PureFtpdConformanceTests(PureFtpdFixture fixture) : ConformanceTests, IClassFixture<PureFtpdFixture>
{
    protected override FtpTestServer Server => fixture.Server;
}
