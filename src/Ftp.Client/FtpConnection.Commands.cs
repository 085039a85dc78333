using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Ftp;

// One method per FTP command, each named after its RFC 959 verb and marked [FtpCommand] so that
// the FtpAnalyzers rules can follow the command order. Each returns the server's final reply;
// negative replies are returned, not thrown.
public sealed partial class FtpConnection
{
    /// <summary>Sends USER: names the account to log in to. Arms the next PASS.</summary>
    [FtpCommand("USER")]
    public FtpReply User(string userName) => Execute("USER", userName);

    /// <summary>Sends USER: names the account to log in to. Arms the next PASS.</summary>
    [FtpCommand("USER")]
    public Task<FtpReply> UserAsync(string userName, CancellationToken cancellationToken = default) => ExecuteAsync("USER", userName, cancellationToken);

    /// <summary>Sends PASS: the password for the account named by the preceding USER. Never logged or shown in exceptions.</summary>
    [FtpCommand("PASS")]
    public FtpReply Pass(string password) => Execute("PASS", password);

    /// <summary>Sends PASS: the password for the account named by the preceding USER. Never logged or shown in exceptions.</summary>
    [FtpCommand("PASS")]
    public Task<FtpReply> PassAsync(string password, CancellationToken cancellationToken = default) => ExecuteAsync("PASS", password, cancellationToken);

    /// <summary>Sends ACCT: account information, when a server asks for it (332).</summary>
    [FtpCommand("ACCT")]
    public FtpReply Acct(string account) => Execute("ACCT", account);

    /// <summary>Sends ACCT: account information, when a server asks for it (332).</summary>
    [FtpCommand("ACCT")]
    public Task<FtpReply> AcctAsync(string account, CancellationToken cancellationToken = default) => ExecuteAsync("ACCT", account, cancellationToken);

    /// <summary>Sends RNFR: names the file to rename. The next command must be RNTO.</summary>
    [FtpCommand("RNFR")]
    public FtpReply Rnfr(string path) => Execute("RNFR", path);

    /// <summary>Sends RNFR: names the file to rename. The next command must be RNTO.</summary>
    [FtpCommand("RNFR")]
    public Task<FtpReply> RnfrAsync(string path, CancellationToken cancellationToken = default) => ExecuteAsync("RNFR", path, cancellationToken);

    /// <summary>Sends RNTO: the new name for the file named by the RNFR immediately before it.</summary>
    [FtpCommand("RNTO")]
    public FtpReply Rnto(string path) => Execute("RNTO", path);

    /// <summary>Sends RNTO: the new name for the file named by the RNFR immediately before it.</summary>
    [FtpCommand("RNTO")]
    public Task<FtpReply> RntoAsync(string path, CancellationToken cancellationToken = default) => ExecuteAsync("RNTO", path, cancellationToken);

    /// <summary>Sends REST: the next RETR or STOR starts at this byte offset.</summary>
    [FtpCommand("REST")]
    public FtpReply Rest(long offset) => Execute("REST", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Sends REST: the next RETR or STOR starts at this byte offset.</summary>
    [FtpCommand("REST")]
    public Task<FtpReply> RestAsync(long offset, CancellationToken cancellationToken = default) => ExecuteAsync("REST", offset.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>Sends TYPE: I (binary) or A (ASCII). Servers default to ASCII, which rewrites line ends.</summary>
    [FtpCommand("TYPE")]
    public FtpReply Type(FtpDataType type) => Execute("TYPE", type == FtpDataType.Binary ? "I" : "A");

    /// <summary>Sends TYPE: I (binary) or A (ASCII). Servers default to ASCII, which rewrites line ends.</summary>
    [FtpCommand("TYPE")]
    public Task<FtpReply> TypeAsync(FtpDataType type, CancellationToken cancellationToken = default) => ExecuteAsync("TYPE", type == FtpDataType.Binary ? "I" : "A", cancellationToken);

    /// <summary>Sends CWD: changes the working directory.</summary>
    [FtpCommand("CWD")]
    public FtpReply Cwd(string path) => Execute("CWD", path);

    /// <summary>Sends CWD: changes the working directory.</summary>
    [FtpCommand("CWD")]
    public Task<FtpReply> CwdAsync(string path, CancellationToken cancellationToken = default) => ExecuteAsync("CWD", path, cancellationToken);

    /// <summary>Sends CDUP: changes to the parent directory.</summary>
    [FtpCommand("CDUP")]
    public FtpReply Cdup() => Execute("CDUP", null);

    /// <summary>Sends CDUP: changes to the parent directory.</summary>
    [FtpCommand("CDUP")]
    public Task<FtpReply> CdupAsync(CancellationToken cancellationToken = default) => ExecuteAsync("CDUP", null, cancellationToken);

    /// <summary>Sends PWD: asks for the working directory (257).</summary>
    [FtpCommand("PWD")]
    public FtpReply Pwd() => Execute("PWD", null);

    /// <summary>Sends PWD: asks for the working directory (257).</summary>
    [FtpCommand("PWD")]
    public Task<FtpReply> PwdAsync(CancellationToken cancellationToken = default) => ExecuteAsync("PWD", null, cancellationToken);

    /// <summary>Sends MKD: creates a directory.</summary>
    [FtpCommand("MKD")]
    public FtpReply Mkd(string path) => Execute("MKD", path);

    /// <summary>Sends MKD: creates a directory.</summary>
    [FtpCommand("MKD")]
    public Task<FtpReply> MkdAsync(string path, CancellationToken cancellationToken = default) => ExecuteAsync("MKD", path, cancellationToken);

    /// <summary>Sends RMD: removes a directory.</summary>
    [FtpCommand("RMD")]
    public FtpReply Rmd(string path) => Execute("RMD", path);

    /// <summary>Sends RMD: removes a directory.</summary>
    [FtpCommand("RMD")]
    public Task<FtpReply> RmdAsync(string path, CancellationToken cancellationToken = default) => ExecuteAsync("RMD", path, cancellationToken);

    /// <summary>Sends DELE: deletes a file.</summary>
    [FtpCommand("DELE")]
    public FtpReply Dele(string path) => Execute("DELE", path);

    /// <summary>Sends DELE: deletes a file.</summary>
    [FtpCommand("DELE")]
    public Task<FtpReply> DeleAsync(string path, CancellationToken cancellationToken = default) => ExecuteAsync("DELE", path, cancellationToken);

    /// <summary>Sends SIZE (RFC 3659): the size of a file in bytes (213).</summary>
    [FtpCommand("SIZE")]
    public FtpReply Size(string path) => Execute("SIZE", path);

    /// <summary>Sends SIZE (RFC 3659): the size of a file in bytes (213).</summary>
    [FtpCommand("SIZE")]
    public Task<FtpReply> SizeAsync(string path, CancellationToken cancellationToken = default) => ExecuteAsync("SIZE", path, cancellationToken);

    /// <summary>Sends MDTM (RFC 3659): the modification time of a file (213 YYYYMMDDHHMMSS).</summary>
    [FtpCommand("MDTM")]
    public FtpReply Mdtm(string path) => Execute("MDTM", path);

    /// <summary>Sends MDTM (RFC 3659): the modification time of a file (213 YYYYMMDDHHMMSS).</summary>
    [FtpCommand("MDTM")]
    public Task<FtpReply> MdtmAsync(string path, CancellationToken cancellationToken = default) => ExecuteAsync("MDTM", path, cancellationToken);

    /// <summary>Sends FEAT (RFC 2389): the extensions the server supports.</summary>
    [FtpCommand("FEAT")]
    public FtpReply Feat() => Execute("FEAT", null);

    /// <summary>Sends FEAT (RFC 2389): the extensions the server supports.</summary>
    [FtpCommand("FEAT")]
    public Task<FtpReply> FeatAsync(CancellationToken cancellationToken = default) => ExecuteAsync("FEAT", null, cancellationToken);

    /// <summary>Sends SYST: the server's system type.</summary>
    [FtpCommand("SYST")]
    public FtpReply Syst() => Execute("SYST", null);

    /// <summary>Sends SYST: the server's system type.</summary>
    [FtpCommand("SYST")]
    public Task<FtpReply> SystAsync(CancellationToken cancellationToken = default) => ExecuteAsync("SYST", null, cancellationToken);

    /// <summary>Sends STAT: the server's status, or a listing of path over the control connection.</summary>
    [FtpCommand("STAT")]
    public FtpReply Stat(string? path = null) => Execute("STAT", path);

    /// <summary>Sends STAT: the server's status, or a listing of path over the control connection.</summary>
    [FtpCommand("STAT")]
    public Task<FtpReply> StatAsync(string? path = null, CancellationToken cancellationToken = default) => ExecuteAsync("STAT", path, cancellationToken);

    /// <summary>Sends NOOP: does nothing; keeps the connection alive.</summary>
    [FtpCommand("NOOP")]
    public FtpReply Noop() => Execute("NOOP", null);

    /// <summary>Sends NOOP: does nothing; keeps the connection alive.</summary>
    [FtpCommand("NOOP")]
    public Task<FtpReply> NoopAsync(CancellationToken cancellationToken = default) => ExecuteAsync("NOOP", null, cancellationToken);

    /// <summary>Sends QUIT: ends the session. The server closes the control connection.</summary>
    [FtpCommand("QUIT")]
    public FtpReply Quit() => Execute("QUIT", null);

    /// <summary>Sends QUIT: ends the session. The server closes the control connection.</summary>
    [FtpCommand("QUIT")]
    public Task<FtpReply> QuitAsync(CancellationToken cancellationToken = default) => ExecuteAsync("QUIT", null, cancellationToken);

    /// <summary>Sends OPTS (RFC 2389): sets an option of a command, such as "UTF8 ON".</summary>
    [FtpCommand("OPTS")]
    public FtpReply Opts(string option) => Execute("OPTS", option);

    /// <summary>Sends OPTS (RFC 2389): sets an option of a command, such as "UTF8 ON".</summary>
    [FtpCommand("OPTS")]
    public Task<FtpReply> OptsAsync(string option, CancellationToken cancellationToken = default) => ExecuteAsync("OPTS", option, cancellationToken);

    /// <summary>Sends PASV: the server listens for the next transfer's data connection (227). The data connection goes to the control connection's address unless <see cref="FtpConnectionOptions.PassiveAddressPolicy"/> says otherwise.</summary>
    [FtpCommand("PASV")]
    public FtpReply Pasv() => EnterPassive("PASV");

    /// <summary>Sends PASV: the server listens for the next transfer's data connection (227). The data connection goes to the control connection's address unless <see cref="FtpConnectionOptions.PassiveAddressPolicy"/> says otherwise.</summary>
    [FtpCommand("PASV")]
    public Task<FtpReply> PasvAsync(CancellationToken cancellationToken = default) => EnterPassiveAsync("PASV", cancellationToken);

    /// <summary>Sends EPSV (RFC 2428): like PASV, but the reply (229) carries only the port.</summary>
    [FtpCommand("EPSV")]
    public FtpReply Epsv() => EnterPassive("EPSV");

    /// <summary>Sends EPSV (RFC 2428): like PASV, but the reply (229) carries only the port.</summary>
    [FtpCommand("EPSV")]
    public Task<FtpReply> EpsvAsync(CancellationToken cancellationToken = default) => EnterPassiveAsync("EPSV", cancellationToken);

    /// <summary>Listens on <paramref name="localEndPoint"/> (port 0 picks a free one) and sends PORT: the server connects to it for the next transfer. IPv4 only.</summary>
    [FtpCommand("PORT")]
    public FtpReply Port(IPEndPoint localEndPoint) => EnterActive("PORT", localEndPoint);

    /// <summary>Listens on <paramref name="localEndPoint"/> (port 0 picks a free one) and sends PORT: the server connects to it for the next transfer. IPv4 only.</summary>
    [FtpCommand("PORT")]
    public Task<FtpReply> PortAsync(IPEndPoint localEndPoint, CancellationToken cancellationToken = default) => EnterActiveAsync("PORT", localEndPoint, cancellationToken);

    /// <summary>Listens on <paramref name="localEndPoint"/> (port 0 picks a free one) and sends EPRT (RFC 2428): like PORT, for IPv4 and IPv6.</summary>
    [FtpCommand("EPRT")]
    public FtpReply Eprt(IPEndPoint localEndPoint) => EnterActive("EPRT", localEndPoint);

    /// <summary>Listens on <paramref name="localEndPoint"/> (port 0 picks a free one) and sends EPRT (RFC 2428): like PORT, for IPv4 and IPv6.</summary>
    [FtpCommand("EPRT")]
    public Task<FtpReply> EprtAsync(IPEndPoint localEndPoint, CancellationToken cancellationToken = default) => EnterActiveAsync("EPRT", localEndPoint, cancellationToken);

    /// <summary>Sends RETR and copies the file into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("RETR")]
    public FtpReply Retr(string path, Stream destination) => Receive("RETR", path, destination);

    /// <summary>Sends RETR and copies the file into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first. Cancelling <paramref name="cancellationToken"/> sends ABOR (before or during the transfer) and keeps the connection usable.</summary>
    [FtpCommand("RETR")]
    public FtpReply Retr(string path, Stream destination, CancellationToken cancellationToken) => Receive("RETR", path, destination, cancellationToken);

    /// <summary>Sends RETR and copies the file into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("RETR")]
    public Task<FtpReply> RetrAsync(string path, Stream destination, CancellationToken cancellationToken = default) => ReceiveAsync("RETR", path, destination, cancellationToken);

    /// <summary>Sends STOR and uploads <paramref name="source"/> to the file. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("STOR")]
    public FtpReply Stor(string path, Stream source) => Send("STOR", path, source);

    /// <summary>Sends STOR and uploads <paramref name="source"/> to the file. Needs PASV, EPSV, PORT or EPRT first. Cancelling <paramref name="cancellationToken"/> sends ABOR (before or during the transfer) and keeps the connection usable.</summary>
    [FtpCommand("STOR")]
    public FtpReply Stor(string path, Stream source, CancellationToken cancellationToken) => Send("STOR", path, source, cancellationToken);

    /// <summary>Sends STOR and uploads <paramref name="source"/> to the file. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("STOR")]
    public Task<FtpReply> StorAsync(string path, Stream source, CancellationToken cancellationToken = default) => SendAsync("STOR", path, source, cancellationToken);

    /// <summary>Sends APPE and appends <paramref name="source"/> to the file. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("APPE")]
    public FtpReply Appe(string path, Stream source) => Send("APPE", path, source);

    /// <summary>Sends APPE and appends <paramref name="source"/> to the file. Needs PASV, EPSV, PORT or EPRT first. Cancelling <paramref name="cancellationToken"/> sends ABOR (before or during the transfer) and keeps the connection usable.</summary>
    [FtpCommand("APPE")]
    public FtpReply Appe(string path, Stream source, CancellationToken cancellationToken) => Send("APPE", path, source, cancellationToken);

    /// <summary>Sends APPE and appends <paramref name="source"/> to the file. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("APPE")]
    public Task<FtpReply> AppeAsync(string path, Stream source, CancellationToken cancellationToken = default) => SendAsync("APPE", path, source, cancellationToken);

    /// <summary>Sends LIST and copies the listing into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("LIST")]
    public FtpReply List(Stream destination, string? path = null) => Receive("LIST", path, destination);

    /// <summary>Sends LIST and copies the listing into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first. Cancelling <paramref name="cancellationToken"/> sends ABOR (before or during the transfer) and keeps the connection usable.</summary>
    [FtpCommand("LIST")]
    public FtpReply List(Stream destination, string? path, CancellationToken cancellationToken) => Receive("LIST", path, destination, cancellationToken);

    /// <summary>Sends LIST and copies the listing into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("LIST")]
    public Task<FtpReply> ListAsync(Stream destination, string? path = null, CancellationToken cancellationToken = default) => ReceiveAsync("LIST", path, destination, cancellationToken);

    /// <summary>Sends NLST and copies the name list into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("NLST")]
    public FtpReply Nlst(Stream destination, string? path = null) => Receive("NLST", path, destination);

    /// <summary>Sends NLST and copies the name list into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first. Cancelling <paramref name="cancellationToken"/> sends ABOR (before or during the transfer) and keeps the connection usable.</summary>
    [FtpCommand("NLST")]
    public FtpReply Nlst(Stream destination, string? path, CancellationToken cancellationToken) => Receive("NLST", path, destination, cancellationToken);

    /// <summary>Sends NLST and copies the name list into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("NLST")]
    public Task<FtpReply> NlstAsync(Stream destination, string? path = null, CancellationToken cancellationToken = default) => ReceiveAsync("NLST", path, destination, cancellationToken);

    /// <summary>Sends MLSD (RFC 3659) and copies the machine-readable listing into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("MLSD")]
    public FtpReply Mlsd(Stream destination, string? path = null) => Receive("MLSD", path, destination);

    /// <summary>Sends MLSD (RFC 3659) and copies the machine-readable listing into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first. Cancelling <paramref name="cancellationToken"/> sends ABOR (before or during the transfer) and keeps the connection usable.</summary>
    [FtpCommand("MLSD")]
    public FtpReply Mlsd(Stream destination, string? path, CancellationToken cancellationToken) => Receive("MLSD", path, destination, cancellationToken);

    /// <summary>Sends MLSD (RFC 3659) and copies the machine-readable listing into <paramref name="destination"/>. Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("MLSD")]
    public Task<FtpReply> MlsdAsync(Stream destination, string? path = null, CancellationToken cancellationToken = default) => ReceiveAsync("MLSD", path, destination, cancellationToken);

    /// <summary>Sends ABOR on its own (no transfer running): servers answer 225 or 226. A cancelled transfer sends it by itself.</summary>
    [FtpCommand("ABOR")]
    public FtpReply Abor() => Execute("ABOR", null);

    /// <summary>Sends ABOR on its own (no transfer running): servers answer 225 or 226. A cancelled transfer sends it by itself.</summary>
    [FtpCommand("ABOR")]
    public Task<FtpReply> AborAsync(CancellationToken cancellationToken = default) => ExecuteAsync("ABOR", null, cancellationToken);

    /// <summary>Sends ALLO: reserves <paramref name="size"/> bytes for the next upload. Most servers answer 202 (not needed).</summary>
    [FtpCommand("ALLO")]
    public FtpReply Allo(long size) => Execute("ALLO", CheckedSize(size));

    /// <summary>Sends ALLO: reserves <paramref name="size"/> bytes for the next upload. Most servers answer 202 (not needed).</summary>
    [FtpCommand("ALLO")]
    public Task<FtpReply> AlloAsync(long size, CancellationToken cancellationToken = default) => ExecuteAsync("ALLO", CheckedSize(size), cancellationToken);

    /// <summary>Sends MODE S, B or C. This client transfers in Stream mode; the others are for servers that need them named.</summary>
    [FtpCommand("MODE")]
    public FtpReply Mode(FtpTransferMode mode) => Execute("MODE", ModeLetter(mode));

    /// <summary>Sends MODE S, B or C. This client transfers in Stream mode; the others are for servers that need them named.</summary>
    [FtpCommand("MODE")]
    public Task<FtpReply> ModeAsync(FtpTransferMode mode, CancellationToken cancellationToken = default) => ExecuteAsync("MODE", ModeLetter(mode), cancellationToken);

    /// <summary>Sends STRU F, R or P: the file structure.</summary>
    [FtpCommand("STRU")]
    public FtpReply Stru(FtpFileStructure structure) => Execute("STRU", StructureLetter(structure));

    /// <summary>Sends STRU F, R or P: the file structure.</summary>
    [FtpCommand("STRU")]
    public Task<FtpReply> StruAsync(FtpFileStructure structure, CancellationToken cancellationToken = default) => ExecuteAsync("STRU", StructureLetter(structure), cancellationToken);

    /// <summary>Sends SITE with a server-specific command ("CHMOD 644 a.txt", "HELP").</summary>
    [FtpCommand("SITE")]
    public FtpReply Site(string command) => Execute("SITE", command);

    /// <summary>Sends SITE with a server-specific command ("CHMOD 644 a.txt", "HELP").</summary>
    [FtpCommand("SITE")]
    public Task<FtpReply> SiteAsync(string command, CancellationToken cancellationToken = default) => ExecuteAsync("SITE", command, cancellationToken);

    /// <summary>Sends SMNT: mounts another file system structure. Few servers implement it (502).</summary>
    [FtpCommand("SMNT")]
    public FtpReply Smnt(string path) => Execute("SMNT", path);

    /// <summary>Sends SMNT: mounts another file system structure. Few servers implement it (502).</summary>
    [FtpCommand("SMNT")]
    public Task<FtpReply> SmntAsync(string path, CancellationToken cancellationToken = default) => ExecuteAsync("SMNT", path, cancellationToken);

    /// <summary>Sends REIN: ends the login and resets the session (also PROT, on the servers that implement it; many answer 502).</summary>
    [FtpCommand("REIN")]
    public FtpReply Rein() => Execute("REIN", null);

    /// <summary>Sends REIN: ends the login and resets the session (also PROT, on the servers that implement it; many answer 502).</summary>
    [FtpCommand("REIN")]
    public Task<FtpReply> ReinAsync(CancellationToken cancellationToken = default) => ExecuteAsync("REIN", null, cancellationToken);

    /// <summary>Sends HELP, or HELP with a topic (usually a command name): the server's help text (214).</summary>
    [FtpCommand("HELP")]
    public FtpReply Help(string? topic = null) => Execute("HELP", topic);

    /// <summary>Sends HELP, or HELP with a topic (usually a command name): the server's help text (214).</summary>
    [FtpCommand("HELP")]
    public Task<FtpReply> HelpAsync(string? topic = null, CancellationToken cancellationToken = default) => ExecuteAsync("HELP", topic, cancellationToken);

    /// <summary>Sends MLST (RFC 3659): the facts of one file or folder, on the control connection (250); the working folder when <paramref name="path"/> is null.</summary>
    [FtpCommand("MLST")]
    public FtpReply Mlst(string? path = null) => Execute("MLST", path);

    /// <summary>Sends MLST (RFC 3659): the facts of one file or folder, on the control connection (250); the working folder when <paramref name="path"/> is null.</summary>
    [FtpCommand("MLST")]
    public Task<FtpReply> MlstAsync(string? path = null, CancellationToken cancellationToken = default) => ExecuteAsync("MLST", path, cancellationToken);

    /// <summary>Sends STOU and uploads <paramref name="source"/> under a name the server chooses (in its 150/250 reply). Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("STOU")]
    public FtpReply Stou(Stream source) => Send("STOU", null, source);

    /// <summary>Sends STOU and uploads <paramref name="source"/> under a name the server chooses (in its 150/250 reply). Needs PASV, EPSV, PORT or EPRT first. Cancelling <paramref name="cancellationToken"/> sends ABOR (before or during the transfer) and keeps the connection usable.</summary>
    [FtpCommand("STOU")]
    public FtpReply Stou(Stream source, CancellationToken cancellationToken) => Send("STOU", null, source, cancellationToken);

    /// <summary>Sends STOU and uploads <paramref name="source"/> under a name the server chooses (in its 150/250 reply). Needs PASV, EPSV, PORT or EPRT first.</summary>
    [FtpCommand("STOU")]
    public Task<FtpReply> StouAsync(Stream source, CancellationToken cancellationToken = default) => SendAsync("STOU", null, source, cancellationToken);

    private static string CheckedSize(long size)
        => size >= 0 ? size.ToString(System.Globalization.CultureInfo.InvariantCulture) : throw new System.ArgumentOutOfRangeException(nameof(size), size, "A size is not negative.");

    private static string ModeLetter(FtpTransferMode mode) => mode switch
    {
        FtpTransferMode.Stream => "S",
        FtpTransferMode.Block => "B",
        FtpTransferMode.Compressed => "C",
        _ => throw new System.ArgumentOutOfRangeException(nameof(mode), mode, "MODE is Stream, Block or Compressed."),
    };

    private static string StructureLetter(FtpFileStructure structure) => structure switch
    {
        FtpFileStructure.File => "F",
        FtpFileStructure.Record => "R",
        FtpFileStructure.Page => "P",
        _ => throw new System.ArgumentOutOfRangeException(nameof(structure), structure, "STRU is File, Record or Page."),
    };
}
