using System.Collections.Generic;
using System.Linq;

namespace FtpAnalyzers.ConformanceTests;

/// <summary>
/// Small programs, each a right or a wrong command sequence written as a user would. A line
/// ending in "// FTPxxxx" is where that rule must report; a program without one must not be
/// flagged. Wrong programs that some server nevertheless accepts name that server and the row of
/// shared/ftp-protocol.md that says so: the run then checks that the server really accepts it.
/// Likewise an unflagged program that a server refuses names it, and the run checks the refusal.
/// A line ending in "// refused" sends a command the server must refuse and whose reply the
/// program tests (a reply guard): that refusal is checked, and is not the program failing.
/// </summary>
public static class ConformancePrograms
{
    public static readonly IReadOnlyList<ConformanceProgram> All =
    [
        // ---- Flagged: the server (or the client, for FTP0004) refuses the marked command.
        new("PassWithoutUser", """
            c.Pass(password); // FTP0001
            """),
        new("PassTwice", """
            c.User(user);
            c.Pass(password);
            c.Pass(password); // FTP0001
            """, AcceptedBy: new() { ["vsftpd"] = "row d: vsftpd answers a PASS after a completed login with 230" }),
        new("RawPassWithoutUser", """
            c.SendCommand("PASS " + password); // FTP0001
            """),
        new("RntoWithoutRnfr", """
            c.Login(user, password);
            c.Rnto("b.txt"); // FTP0002
            """),
        new("RntoAfterATransfer", """
            c.Login(user, password);
            c.Pasv();
            c.Retr("a.txt", new MemoryStream());
            c.Rnto("b.txt"); // FTP0002
            """),
        new("CommandBetweenRnfrAndRnto", """
            c.Login(user, password);
            c.Rnfr("a.txt");
            c.Pwd(); // FTP0003
            c.Rnto("b.txt");
            """, AcceptedBy: new()
            {
                ["vsftpd"] = "row g: only ProFTPD (501) and inetutils ftpd (503) refuse it",
                ["pyftpdlib"] = "row g: only ProFTPD (501) and inetutils ftpd (503) refuse it",
                ["Pure-FTPd"] = "row g: only ProFTPD (501) and inetutils ftpd (503) refuse it",
            }),
        new("RetrWithoutPasv", """
            c.Login(user, password);
            c.Retr("a.txt", new MemoryStream()); // FTP0004
            """),
        new("ListWithoutPasv", """
            c.Login(user, password);
            c.List(new MemoryStream()); // FTP0004
            """),
        new("SecondRetrAfterOnePasv", """
            c.Login(user, password);
            c.Pasv();
            c.Retr("a.txt", new MemoryStream());
            c.Retr("a.txt", new MemoryStream()); // FTP0004
            """),
        new("OnePasvBeforeALoop", """
            c.Login(user, password);
            c.Pasv();
            foreach (var name in new[] { "a.txt", "a.txt" })
            {
                c.Retr(name, new MemoryStream()); // FTP0004
            }
            """),
        new("AwaitedRetrWithoutPasv", """
            await c.LoginAsync(user, password);
            await c.RetrAsync("a.txt", new MemoryStream()).ConfigureAwait(false); // FTP0004
            """),
        new("PasvBeforeLogin", """
            c.Pasv(); // FTP0005
            c.Login(user, password);
            """),
        new("CwdBetweenUserAndPass", """
            c.User(user);
            c.Cwd("/"); // FTP0005
            c.Pass(password);
            """),
        new("RnfrBeforeLogin", """
            c.Rnfr("a.txt"); // FTP0005
            """),

        // ---- Not flagged: every server completes them.
        new("CommandBetweenUserAndPass", """
            c.User(user);
            c.Noop();
            c.Pass(password);
            """, RefusedBy: new() { ["vsftpd"] = "vsftpd answers NOOP before login with 530, but the PASS still completes the login (row c)" }),
        new("PassGuardedByTheUserReply", """
            if (c.User(user).Code == 331)
                c.Pass(password);
            """),
        new("CommandsBetweenPasvAndRetr", """
            c.Login(user, password);
            c.Pasv();
            c.Type(FtpDataType.Binary);
            c.Size("a.txt");
            c.Retr("a.txt", new MemoryStream());
            """),
        new("PasvInsideTheLoop", """
            c.Login(user, password);
            foreach (var name in new[] { "a.txt", "a.txt" })
            {
                c.Pasv();
                c.Retr(name, new MemoryStream());
            }
            """),
        new("CorrelatedBranches", """
            c.Login(user, password);
            bool passive = port > 0;
            if (passive) c.Pasv();
            if (passive) c.Retr("a.txt", new MemoryStream());
            """),
        new("RenameRight", """
            c.User(user);
            c.Pass(password);
            c.Rnfr("a.txt");
            c.Rnto("b.txt");
            """),
        new("OneCallHelpers", """
            c.Login(user, password);
            c.Rename("a.txt", "b.txt");
            c.Rename("b.txt", "a.txt");
            c.Download("a.txt", new MemoryStream());
            c.Upload("c.txt", new MemoryStream(new byte[] { 1, 2, 3 }));
            """),
        new("EpsvThenList", """
            c.Login(user, password);
            c.Epsv();
            c.List(new MemoryStream());
            """),
        new("AsyncRight", """
            await c.LoginAsync(user, password).ConfigureAwait(false);
            await c.PasvAsync().ConfigureAwait(false);
            await c.RetrAsync("a.txt", new MemoryStream());
            """),
        new("RawCommandsRight", """
            c.SendCommand("USER " + user);
            c.SendCommand($"pass {password}");
            c.SendCommand("PASV");
            c.Retr("a.txt", new MemoryStream());
            """),
        new("AllowedBeforeLogin", """
            c.Feat();
            c.Login(user, password);
            c.Pwd();
            """),
        // Reply guards: a branch taken only when RNFR was refused has no rename pending.
        new("CommandAfterARefusedRnfr", """
            c.Login(user, password);
            if (c.Rnfr("missing.txt").Code != 350) // refused
                c.Pwd();
            c.Rename("a.txt", "b.txt");
            """),
        new("SwitchOnTheRnfrReply", """
            c.Login(user, password);
            switch (c.Rnfr("missing.txt").Code) // refused
            {
                case 350: c.Rnto("b.txt"); break;
                default: c.Pwd(); break;
            }
            """),
        new("TernaryOnTheRnfrReply", """
            c.Login(user, password);
            var done = c.Rnfr("a.txt").Code == 350 ? c.Rnto("b.txt") : c.Pwd();
            """),
        // Helpers: what they send is followed into them; a mistake the caller causes is reported on the call.
        new("PassAfterAHelperThatLoggedIn", """
            SignIn(c, user, password);
            c.Pass(password); // FTP0001
            """, AcceptedBy: new() { ["vsftpd"] = "row d: vsftpd answers a PASS after a completed login with 230" },
            Helpers: """
            static void SignIn(FtpConnection c, string user, string password) { c.User(user); c.Pass(password); }
            """),
        new("ListAfterAHelperThatUploaded", """
            c.Login(user, password);
            Put(c, "up.txt");
            c.Nlst(new MemoryStream()); // FTP0004
            """, Helpers: """
            static void Put(FtpConnection c, string name) { c.Pasv(); c.Stor(name, new MemoryStream(new byte[] { 1, 2, 3 })); }
            """),
        new("HelperThatDownloadsWithoutPasv", """
            c.Login(user, password);
            Fetch(c, "a.txt"); // FTP0004
            """, Helpers: """
            static FtpReply Fetch(FtpConnection c, string path) => c.Retr(path, new MemoryStream());
            """),
        new("HelpersUsedRight", """
            SignIn(c, user, password);
            Put(c, "up.txt");
            c.Epsv();
            Fetch(c, "up.txt");
            await PutAsync(c, "up2.txt");
            """, Helpers: """
            static void SignIn(FtpConnection c, string user, string password) { c.User(user); c.Pass(password); }
            static void Put(FtpConnection c, string name) { c.Pasv(); c.Stor(name, new MemoryStream(new byte[] { 1, 2, 3 })); }
            static FtpReply Fetch(FtpConnection c, string path) => c.Retr(path, new MemoryStream());
            static async Task PutAsync(FtpConnection c, string name) { await c.EpsvAsync(); await c.StorAsync(name, new MemoryStream(new byte[] { 4 })); }
            """),
        // Helpers on a connection held in a field or auto-property of this: an object whose
        // methods share its connection. A command sent inside a helper is that call's (the
        // runner attributes it to the line of Run that called the helper).
        new("ThisFieldPassAfterAHelperThatLoggedIn", """
            new Session(c).Run(user, password);
            """, AcceptedBy: new() { ["vsftpd"] = "row d: vsftpd answers a PASS after a completed login with 230" },
            Helpers: """
            sealed class Session
            {
                private readonly FtpConnection _ftp;
                public Session(FtpConnection ftp) => _ftp = ftp;
                private void SignIn(string user, string password) { _ftp.User(user); _ftp.Pass(password); }
                public void Run(string user, string password)
                {
                    SignIn(user, password);
                    _ftp.Pass(password); // FTP0001
                }
            }
            """),
        new("ThisFieldListAfterAHelperThatUploaded", """
            new Uploader(c).Run(user, password);
            """, Helpers: """
            sealed class Uploader
            {
                public Uploader(FtpConnection ftp) => Ftp = ftp;
                public FtpConnection Ftp { get; }
                private void Put(string name) { Ftp.Pasv(); Ftp.Stor(name, new MemoryStream(new byte[] { 1, 2, 3 })); }
                public void Run(string user, string password)
                {
                    Ftp.Login(user, password);
                    Put("up.txt");
                    Ftp.Nlst(new MemoryStream()); // FTP0004
                }
            }
            """),
        new("ThisFieldHelperThatDownloadsWithoutPasv", """
            new Session(c).Run(user, password);
            """, Helpers: """
            sealed class Session
            {
                private readonly FtpConnection _ftp;
                public Session(FtpConnection ftp) => _ftp = ftp;
                private void Put(string name) { _ftp.Pasv(); _ftp.Stor(name, new MemoryStream(new byte[] { 1, 2, 3 })); }
                private FtpReply Fetch(string path) => _ftp.Retr(path, new MemoryStream());
                public void Run(string user, string password)
                {
                    _ftp.Login(user, password);
                    Put("up.txt");
                    Fetch("up.txt"); // FTP0004
                }
            }
            """),
        new("ThisFieldHelpersUsedRight", """
            new Session(c).Run(user, password);
            """, Helpers: """
            sealed class Session
            {
                private readonly FtpConnection _ftp;
                public Session(FtpConnection ftp) => _ftp = ftp;
                private void SignIn(string user, string password) { _ftp.User(user); _ftp.Pass(password); }
                private void Put(string name) { _ftp.Pasv(); _ftp.Stor(name, new MemoryStream(new byte[] { 1, 2, 3 })); }
                private FtpReply Fetch(string path) => _ftp.Retr(path, new MemoryStream());
                public void Run(string user, string password)
                {
                    SignIn(user, password);
                    Put("up.txt");
                    _ftp.Epsv();
                    Fetch("up.txt");
                    Upload("up2.txt");

                    void Upload(string name) { _ftp.Epsv(); _ftp.Stor(name, new MemoryStream(new byte[] { 4 })); }
                }
            }
            """),
        // FTP0005 leaves NOOP and SYST alone before login (four of five servers answer them), but
        // vsftpd refuses both with 530: measured here, and stated in docs/rules/FTP0005.md.
        new("NoopAndSystBeforeLogin", """
            c.Noop();
            c.Syst();
            c.Login(user, password);
            """, RefusedBy: new() { ["vsftpd"] = "vsftpd answers NOOP and SYST before login with 530" }),
    ];

    public static IEnumerable<object[]> Names => All.Select(p => new object[] { p.Name });

    public static ConformanceProgram Named(string name) => All.Single(p => p.Name == name);
}

/// <summary>One program: its statements run on <c>c</c>, a connection it opens itself.</summary>
/// <param name="Helpers">Methods declared beside the program's, which its body calls with the connection.</param>
/// <param name="Tls">
/// For the FTPS programs: the connection is opened with options the analysis sees (Encryption
/// not set: None), copying the runner's timeouts, log and certificate check, so that the TLS rules
/// know it starts in clear text. Otherwise the options are the runner's parameter, state unknown.
/// </param>
public sealed record ConformanceProgram(
    string Name,
    string Body,
    Dictionary<string, string>? AcceptedBy = null,
    Dictionary<string, string>? RefusedBy = null,
    string? Helpers = null,
    bool Tls = false)
{
    public const string ClassName = "ConformanceProgram";

    private const string TlsOptions = "new FtpConnectionOptions { ConnectTimeout = options.ConnectTimeout, ReadTimeout = options.ReadTimeout, Log = options.Log, ServerCertificateValidation = options.ServerCertificateValidation }";

    /// <summary>The whole compilation unit: the body inside a method that opens the connection.</summary>
    public string Source => $$"""
        using System.IO;
        using System.Threading.Tasks;
        using Ftp;

        public static class {{ClassName}}
        {
            public static async Task Run(string host, int port, string user, string password, FtpConnectionOptions options)
            {
                await using var c = await FtpConnection.ConnectAsync(host, port, {{(Tls ? TlsOptions : "options")}});
        {{Indent(Body)}}
            }
        {{Indent(Helpers ?? "")}}
        }
        """;

    /// <summary>Lines marked "// refused": the server must refuse their command, and the program tests that reply.</summary>
    public HashSet<int> ExpectedRefusalLines
        => Source.Split('\n')
            .Select((text, index) => (Text: text.TrimEnd('\r'), Line: index + 1))
            .Where(l => l.Text.EndsWith("// refused", System.StringComparison.Ordinal))
            .Select(l => l.Line)
            .ToHashSet();

    /// <summary>(rule, line) of every "// FTPxxxx" marker in <see cref="Source"/>.</summary>
    public IReadOnlyList<(string Rule, int Line)> ExpectedDiagnostics
        => Source.Split('\n')
            .Select((text, index) => (Text: text.TrimEnd('\r'), Line: index + 1))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"// FTP\d{4}$"))
            .Select(l => (l.Text[^7..], l.Line))
            .ToList();

    public override string ToString() => Name;

    private static string Indent(string body) => string.Join("\n", body.Split('\n').Select(line => "        " + line));
}
