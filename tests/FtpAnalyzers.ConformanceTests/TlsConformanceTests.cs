using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Ftp.Client.Tests.Servers;

namespace FtpAnalyzers.ConformanceTests;

/// <summary>
/// The TLS rules against the truth (docs/ftps-servers.md): every FTPS program is analyzed, then run
/// against vsftpd, ProFTPD (mod_tls), Pure-FTPd (--tls=3) and pyftpdlib (TLS_FTPHandler), each
/// forcing TLS logins and data. A flagged program fails where the server enforces the rule; an
/// unflagged one completes. Then <see cref="TlsLeakTests"/> shows what the FTP0009/FTP0010 programs
/// leak where the server does not force TLS.
/// </summary>
public abstract class TlsConformanceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    protected abstract FtpTestServer Server { get; }

    [Theory]
    [MemberData(nameof(TlsConformancePrograms.Names), MemberType = typeof(TlsConformancePrograms))]
    public async Task The_TLS_rules_flag_exactly_what_a_server_forcing_TLS_refuses(string name)
    {
        var program = TlsConformancePrograms.Named(name);
        var runner = new ProgramRunner(program);

        var flagged = await runner.AnalyzeAsync();
        Assert.Equal(program.ExpectedDiagnostics, flagged);

        ConformanceTests.ResetHome(Server.HomeDirectory);
        var outcome = await runner.RunAsync(Server.Host, Server.Port, Server.UserName, Server.Password, TestCertificates.TrustTestCa);
        output.WriteLine($"{Server.Name} | {name} | failed at line {outcome.FailedLine?.ToString() ?? "-"} | {Replies(outcome)}");
        if (flagged.Count == 0 || program.AcceptedBy?.ContainsKey(Server.Name) == true)
        {
            Assert.True(outcome.FailedLine is null, $"{name} should complete on {Server.Name} but failed at line {outcome.FailedLine}:\n{outcome}");
        }
        else
        {
            var expected = TlsConformancePrograms.FailingLine(program) ?? flagged[0].Line;
            Assert.True(outcome.FailedLine == expected, $"{name} should fail at line {expected} ({flagged[0].Rule} at {flagged[0].Line}) on {Server.Name}, but {(outcome.FailedLine is null ? "completed" : "failed at line " + outcome.FailedLine)}:\n{outcome}");
        }
    }

    /// <summary>The commands and final replies of a run, in order ("AUTH TLS 234, PBSZ 0 200, …"; PASS hidden).</summary>
    internal static string Replies(RunOutcome outcome)
        => string.Join(" · ", outcome.Transcript
            .Where(l => l.StartsWith("> ", StringComparison.Ordinal) || (l.StartsWith("< ", StringComparison.Ordinal) && l.Length >= 6 && l[5] == ' ') || l.StartsWith("! ", StringComparison.Ordinal))
            .Select(l => l.StartsWith("> PASS ", StringComparison.Ordinal) ? "> PASS ****" : l));
}

public sealed class VsftpdTlsConformanceTests(VsftpdTlsFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : TlsConformanceTests(output), IClassFixture<VsftpdTlsFixture>
{
    protected override FtpTestServer Server => fixture.Server;
}

public sealed class ProftpdTlsConformanceTests(ProftpdTlsFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : TlsConformanceTests(output), IClassFixture<ProftpdTlsFixture>
{
    protected override FtpTestServer Server => fixture.Server;
}

public sealed class PureFtpdTlsConformanceTests(PureFtpdTlsFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : TlsConformanceTests(output), IClassFixture<PureFtpdTlsFixture>
{
    protected override FtpTestServer Server => fixture.Server;
}

public sealed class PyftpdlibTlsConformanceTests(PyftpdlibTlsFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : TlsConformanceTests(output), IClassFixture<PyftpdlibTlsFixture>
{
    protected override FtpTestServer Server => fixture.Server;
}

/// <summary>pyftpdlib's TLS_FTPHandler offering TLS without requiring it: clear logins and clear data accepted.</summary>
public sealed class PyftpdlibOptionalTlsFixture : ServerFixture<PyftpdlibServer>
{
    protected override PyftpdlibServer Start() => PyftpdlibServer.Start(tls: ServerTls.ExplicitOptional);
}

/// <summary>
/// What crosses the wire where the server does not force TLS: each FTP0009/FTP0010 program and each
/// unflagged one runs against pyftpdlib with TLS optional, through a proxy on 127.0.0.1 that records
/// the bytes on its client side. The FTP0009 programs show the password in clear, the FTP0010 ones
/// the file's bytes; the unflagged ones neither. All of them complete: the server said nothing.
/// </summary>
public sealed class TlsLeakTests(PyftpdlibOptionalTlsFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PyftpdlibOptionalTlsFixture>
{
    [Theory]
    [MemberData(nameof(TlsConformancePrograms.LeakNames), MemberType = typeof(TlsConformancePrograms))]
    public async Task What_a_flagged_program_leaks_is_on_the_wire_and_nothing_of_an_unflagged_one(string name)
    {
        var program = TlsConformancePrograms.Named(name);
        var rules = program.ExpectedDiagnostics.Select(d => d.Rule).ToHashSet();
        var server = fixture.Server;
        ConformanceTests.ResetHome(server.HomeDirectory);

        var certificate = X509Certificate2.CreateFromPemFile(TestCertificates.Good.CertificatePath, TestCertificates.Good.KeyPath);
        string wire;
        RunOutcome outcome;
        var attempt = 0;
        while (true)
        {
            await using (var proxy = new RecordingFtpsProxy(server.Port, certificate))
            {
                outcome = await new ProgramRunner(program).RunAsync(proxy.Host, proxy.Port, server.UserName, server.Password, TestCertificates.TrustTestCa);
                await proxy.DisposeAsync();
                wire = proxy.Wire;
            }

            // Once in a few CI runs the proxy's two TLS handshakes after 234 stall under load (seen once,
            // not reproduced in isolation): a read timeout is the proxy's, not the program's. One more
            // run, from a clean home; a second timeout fails the test as any other failure does.
            if (outcome.FailedLine is null || !outcome.ToString().Contains("TimeoutException", StringComparison.Ordinal) || ++attempt > 1)
                break;
            output.WriteLine($"{name}: read timeout through the proxy, run again: {TlsConformanceTests.Replies(outcome)}");
            ConformanceTests.ResetHome(server.HomeDirectory);
        }

        var password = "PASS " + server.Password;
        var fileBytes = program.Body.Contains("Upload", StringComparison.Ordinal) ? TlsConformancePrograms.UploadText : TlsConformancePrograms.DownloadText;
        output.WriteLine($"{name} | {wire.Length} bytes on the wire | password in clear: {wire.Contains(password, StringComparison.Ordinal)} | file in clear: {wire.Contains(fileBytes, StringComparison.Ordinal)} | {TlsConformanceTests.Replies(outcome)}");
        Assert.True(outcome.FailedLine is null, $"{name} should complete on {server.Name} with TLS optional, but failed at line {outcome.FailedLine}:\n{outcome}");
        Assert.True(wire.Length > 0, "the proxy saw nothing");
        Assert.True(rules.Contains("FTP0009") == wire.Contains(password, StringComparison.Ordinal), $"{name}: the password {(rules.Contains("FTP0009") ? "should" : "should not")} cross in clear:\n{Printable(wire)}");
        Assert.True(rules.Contains("FTP0010") == wire.Contains(fileBytes, StringComparison.Ordinal), $"{name}: the file {(rules.Contains("FTP0010") ? "should" : "should not")} cross in clear:\n{Printable(wire)}");
    }

    private static string Printable(string wire)
        => new string(wire.Take(4000).Select(c => c is '\r' or '\n' || (c >= ' ' && c < 127) ? c : '.').ToArray());
}
