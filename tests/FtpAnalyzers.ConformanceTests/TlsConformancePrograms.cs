using System.Collections.Generic;
using System.Linq;

namespace FtpAnalyzers.ConformanceTests;

/// <summary>
/// The FTPS programs (FTP0008-FTP0010), run against the four servers with TLS forced
/// (docs/ftps-servers.md) and, for the leaks, against pyftpdlib with TLS optional behind a recording
/// proxy. A line ending in "// FTPxxxx" is where that rule must report. A flagged program must fail
/// on the forcing servers at its "// fails" line if it has one (FTP0009: the clear login is refused
/// before the late AUTH TLS is reached), else at the flagged line; AcceptedBy names the servers that
/// accept the sequence, and why (docs/ftps-servers.md).
/// </summary>
public static class TlsConformancePrograms
{
    /// <summary>What the upload programs send, so that the wire can be searched for it.</summary>
    public const string UploadText = "Upload that must not cross in clear";

    public const string DownloadText = "Hello, FTP!";

    private static readonly Dictionary<string, string> ProtWithoutPbszAccepted = new()
    {
        ["vsftpd (TLS)"] = "docs/ftps-servers.md: after AUTH TLS vsftpd accepts PROT P without PBSZ (200)",
        ["ProFTPD (TLS)"] = "docs/ftps-servers.md: after AUTH TLS ProFTPD accepts PROT P without PBSZ (200)",
        ["Pure-FTPd (TLS)"] = "docs/ftps-servers.md: after AUTH TLS Pure-FTPd accepts PROT P without PBSZ (200)",
    };

    public static readonly IReadOnlyList<ConformanceProgram> All =
    [
        // ---- FTP0008: the servers answer 503 (550 on ProFTPD) at the flagged command.
        new("PbszBeforeAuthTls", """
            c.Pbsz(0); // FTP0008
            c.AuthTls();
            c.Pbsz(0);
            c.Prot(FtpProtection.Private);
            c.Login(user, password);
            """, Tls: true),
        new("RawProtBeforeAuthTls", """
            await c.SendCommandAsync("PROT P"); // FTP0008
            await c.AuthTlsAsync();
            await c.PbszAsync();
            await c.ProtAsync(FtpProtection.Private);
            await c.LoginAsync(user, password);
            """, Tls: true),
        new("ProtBeforePbsz", """
            c.AuthTls();
            c.Prot(FtpProtection.Private); // FTP0008
            c.Pbsz(0);
            c.Prot(FtpProtection.Private);
            c.Login(user, password);
            """, AcceptedBy: ProtWithoutPbszAccepted, Tls: true),

        // ---- FTP0009: refused at the clear login where TLS logins are forced; the password leaks elsewhere.
        new("LoginBeforeAuthTls", """
            c.Login(user, password); // fails
            c.AuthTls(); // FTP0009
            c.Pbsz(0);
            c.Prot(FtpProtection.Private);
            """, Tls: true),
        new("RawUserAndPassBeforeAuthTls", """
            await c.SendCommandAsync("USER " + user); // fails
            await c.SendCommandAsync("PASS " + password);
            await c.SendCommandAsync("AUTH TLS"); // FTP0009
            """, Tls: true),

        // ---- FTP0010: 522 (vsftpd, ProFTPD), 521 (Pure-FTPd), 550 to the EPSV/PASV (pyftpdlib), all within the flagged call.
        new("DownloadWithoutProtP", """
            c.AuthTls();
            c.Login(user, password);
            c.Download("a.txt", new MemoryStream()); // FTP0010
            """, Tls: true),
        new("AsyncUploadWithoutProtP", """
            await c.SendCommandAsync("AUTH TLS");
            await c.LoginAsync(user, password);
            await c.UploadAsync("up.txt", new MemoryStream(System.Text.Encoding.ASCII.GetBytes("Upload that must not cross in clear"))); // FTP0010
            """, Tls: true),

        // ---- Not flagged: every server completes them, and nothing crosses in clear.
        new("TlsRight", """
            c.AuthTls();
            c.Pbsz(0);
            c.Prot(FtpProtection.Private);
            c.Login(user, password);
            c.Download("a.txt", new MemoryStream());
            c.Upload("up.txt", new MemoryStream(System.Text.Encoding.ASCII.GetBytes("Upload that must not cross in clear")));
            """, Tls: true),
        new("TlsRightAsyncRaw", """
            if ((await c.SendCommandAsync("AUTH TLS")).Code != 234)
                return;
            await c.LoginAsync(user, password);
            await c.SendCommandAsync("PBSZ 0");
            await c.SendCommandAsync("PROT P");
            await c.DownloadAsync("a.txt", new MemoryStream());
            """, Tls: true),
        new("EncryptionExplicitProtectsTheData", """
            var secure = new FtpConnectionOptions { Encryption = FtpEncryption.Explicit, ReadTimeout = options.ReadTimeout, Log = options.Log, ServerCertificateValidation = options.ServerCertificateValidation };
            await using var t = await FtpConnection.ConnectAsync(host, port, secure);
            await t.LoginAsync(user, password);
            await t.DownloadAsync("a.txt", new MemoryStream());
            """, Tls: true),
    ];

    public static IEnumerable<object[]> Names => All.Select(p => new object[] { p.Name });

    /// <summary>The programs for the leak test: those of FTP0009 and FTP0010, and the unflagged ones.</summary>
    public static IEnumerable<object[]> LeakNames => All.Where(p => p.ExpectedDiagnostics.All(d => d.Rule != "FTP0008")).Select(p => new object[] { p.Name });

    public static ConformanceProgram Named(string name) => All.Single(p => p.Name == name);

    /// <summary>The line marked "// fails": where servers forcing TLS stop the program.</summary>
    public static int? FailingLine(ConformanceProgram program)
    {
        var lines = program.Source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r').EndsWith("// fails", System.StringComparison.Ordinal))
                return i + 1;
        }

        return null;
    }
}
