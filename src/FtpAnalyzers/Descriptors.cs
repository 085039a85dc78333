using Microsoft.CodeAnalysis;

namespace FtpAnalyzers;

/// <summary>
/// Every rule's descriptor, built through one factory so that category, default severity and
/// help link are consistent. Messages state what the server answers (see docs/rules/).
/// </summary>
internal static class Descriptors
{
    private const string HelpLinkBase = "https://github.com/FtpAnalyzers/FtpAnalyzers/blob/main/docs/rules/";

    private static DiagnosticDescriptor Rule(
        string id,
        string category,
        string title,
        string messageFormat,
        string description,
        DiagnosticSeverity severity = DiagnosticSeverity.Warning)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkUri(id));

    internal static string HelpLinkUri(string id) => HelpLinkBase + id + ".md";

    private const string Sequence = "FtpProtocol";
    private const string Security = "FtpSecurity";

    // Sequence rules (FTP0001-FTP0005). {0} is empty, or says when the violation happens
    // (for example " from the second iteration of the loop on").

    public static readonly DiagnosticDescriptor FTP0001_PassWithoutUser = Rule(
        RuleIdentifiers.PassWithoutUser,
        Sequence,
        "PASS without USER",
        "PASS is sent{0} with no USER armed: the server replies 503 Login with USER first (530 on Pure-FTPd) because PASS must follow a USER that no earlier PASS has used; most servers refuse a PASS repeated after a login the same way",
        "USER arms a login and the next PASS consumes it, whether it succeeds or not. A PASS with no armed USER is answered 503 \"Login with USER first\" by vsftpd, ProFTPD, pyftpdlib and inetutils ftpd, and 530 by Pure-FTPd. After a completed login a second PASS gets 503 (530 on Pure-FTPd) everywhere but vsftpd, which answers 230.");

    public static readonly DiagnosticDescriptor FTP0002_RntoWithoutRnfr = Rule(
        RuleIdentifiers.RntoWithoutRnfr,
        Sequence,
        "RNTO without RNFR",
        "RNTO is sent{0} without an RNFR immediately before it: the server replies 503 Bad sequence of commands because RNTO must immediately follow RNFR",
        "A rename is RNFR followed immediately by RNTO. Without the RNFR every server tested answers RNTO with 503 Bad sequence of commands; a failed RNFR arms nothing either.");

    public static readonly DiagnosticDescriptor FTP0003_CommandBetweenRnfrAndRnto = Rule(
        RuleIdentifiers.CommandBetweenRnfrAndRnto,
        Sequence,
        "Command between RNFR and RNTO",
        "{1} is sent{0} right after RNFR, before its RNTO: RNTO must immediately follow RNFR (inetutils ftpd then answers RNTO with 503, ProFTPD refuses the command in between with 501)",
        "Only RNFR immediately followed by RNTO behaves the same on every server: inetutils ftpd forgets the RNFR when another command comes in between, and ProFTPD refuses that command with 501.");

    public static readonly DiagnosticDescriptor FTP0004_TransferWithoutDataConnection = Rule(
        RuleIdentifiers.TransferWithoutDataConnection,
        Sequence,
        "Transfer without PASV, EPSV or PORT",
        "{1} is sent{0} with no PASV, EPSV, PORT or EPRT since the previous transfer: the server replies 425 (some servers hang instead), and FtpConnection throws before sending it",
        "Every transfer (RETR, STOR, STOU, APPE, LIST, NLST, MLSD) needs its own data connection, set up by PASV, EPSV, PORT or EPRT. Without one vsftpd, ProFTPD, Pure-FTPd and inetutils ftpd answer 425 and pyftpdlib hangs; FtpConnection throws InvalidOperationException before sending.");

    public static readonly DiagnosticDescriptor FTP0005_CommandBeforeLogin = Rule(
        RuleIdentifiers.CommandBeforeLogin,
        Sequence,
        "Command before login",
        "{1} is sent{0} before USER and PASS completed the login: the server replies 530 Not logged in",
        "Every command except USER, PASS, ACCT, QUIT, NOOP, FEAT, SYST, HELP, AUTH, PBSZ, PROT, OPTS and STAT needs a completed login; every server tested answers 530.");

    // TLS sequence rules (FTP0008-FTP0010): the same analysis as FTP0001-FTP0005; {0} as there,
    // {1} the verb. The replies are those measured in docs/ftps-servers.md.

    public static readonly DiagnosticDescriptor FTP0008_TlsSetupOutOfOrder = Rule(
        RuleIdentifiers.TlsSetupOutOfOrder,
        Sequence,
        "PBSZ or PROT out of order",
        "{1} is sent{0} out of the order RFC 4217 requires (an accepted AUTH TLS, then PBSZ, then PROT): before AUTH TLS servers answer 503 (vsftpd \"503 PBSZ needs a secure connection.\") or 550 (ProFTPD), and PROT with no PBSZ before it gets 503 \"You must issue the PBSZ command prior to PROT.\" from pyftpdlib",
        "RFC 2228 and RFC 4217 require AUTH TLS (answered 234) before PBSZ, and PBSZ before PROT. PBSZ or PROT on a connection with no accepted AUTH TLS is refused by every server measured: 503 by vsftpd, Pure-FTPd and pyftpdlib, 550 by ProFTPD. PROT with no PBSZ before it is refused with 503 by pyftpdlib; vsftpd, ProFTPD and Pure-FTPd accept it, so send PBSZ 0 first to work everywhere.");

    public static readonly DiagnosticDescriptor FTP0009_CredentialsBeforeAuthTls = Rule(
        RuleIdentifiers.CredentialsBeforeAuthTls,
        Security,
        "USER or PASS sent before AUTH TLS",
        "AUTH TLS is sent{0} after USER or PASS went out on this connection in clear text: where the server accepts that login the password crossed the network unencrypted, and servers forcing TLS logins refuse it (vsftpd 530 and closes the connection, ProFTPD and pyftpdlib 550, Pure-FTPd 421); send AUTH TLS before USER",
        "A USER or PASS sent before AUTH TLS crosses the network in clear text (CWE-319): the later AUTH TLS protects only what follows it. Servers that force TLS logins refuse the clear USER (vsftpd answers 530 and closes the connection, ProFTPD and pyftpdlib 550, Pure-FTPd 421); servers that do not accept it, and the password has leaked. Reported on the AUTH TLS when every path reaching it sent USER or PASS in clear on the same connection.");

    public static readonly DiagnosticDescriptor FTP0010_TransferWithoutProtPrivate = Rule(
        RuleIdentifiers.TransferWithoutProtPrivate,
        Security,
        "Transfer on a TLS connection without PROT P",
        "{1} is sent{0} on a TLS control connection with no PROT P accepted since: the data connection is not encrypted, so the file travels in clear text where the server allows it, and servers forcing data protection refuse it (vsftpd and ProFTPD 522, Pure-FTPd 521, pyftpdlib 550 to the PASV before it); send PBSZ 0 and PROT P first",
        "AUTH TLS protects only the control connection; data connections stay in clear text until PROT P (after PBSZ 0) is accepted. A transfer on a TLS control connection without it sends the file or listing unencrypted (CWE-319) where the server allows that, and is refused where the server forces data protection: 522 \"Data connections must be encrypted.\" (vsftpd), 522 (ProFTPD), 521 (Pure-FTPd), 550 to PASV (pyftpdlib). A connection opened with Encryption Explicit or Implicit gets PBSZ 0 and PROT P from FtpConnection once its login completes.");

    // Hand-written 227 handling (FTP0006-FTP0007).
    // FTP0006's {0} is empty or names what the parser assumes (see the HandWrittenPassiveReplyParsing* constants).

    public static readonly DiagnosticDescriptor FTP0006_HandWrittenPassiveReplyParsing = Rule(
        RuleIdentifiers.HandWrittenPassiveReplyParsing,
        Security,
        "Hand-written parsing of the 227 PASV reply",
        "This computes the data port from a 227 reply parsed by hand{0}; use PassiveEndpoint.Parse(reply).Port, which finds the six numbers with or without parentheses and checks that each is 0-255",
        "The format of the 227 reply is not standardized (RFC 1123 4.1.2.6): replies without parentheses exist, each number must be checked to be 0-255, and the port is p1*256+p2. PassiveEndpoint.Parse does this correctly.");

    public const string HandWrittenPassiveReplyParsingAssumesParentheses =
        " and assumes the parentheses, which RFC 1123 says a client must not rely on";

    public const string HandWrittenPassiveReplyParsingFixedOffset =
        " at a fixed offset, which breaks as soon as the reply text differs (pyftpdlib writes \"Entering passive mode\", RFC 1123 leaves the text free)";

    // FTP0007's {0} is the whole message: one for a connection to a parsed address (Warning), one for
    // PassiveAddressPolicy.UseAdvertisedAddress, reported with Info severity.

    public static readonly DiagnosticDescriptor FTP0007_ConnectToAdvertisedPassiveAddress = Rule(
        RuleIdentifiers.ConnectToAdvertisedPassiveAddress,
        Security,
        "Data connection to the address a 227 reply advertises",
        "{0}",
        "A hostile server can advertise any host in its 227 reply and make the client connect there (CVE-2020-8284, CVE-2021-4189, CVE-2021-37533, CVE-2021-40491). Connect the data channel to the control connection's address and take only the port from the reply.");

    public const string ConnectToAdvertisedPassiveAddressMessage =
        "The data connection goes to the address the 227 reply advertises, so a hostile server can point it at any host and port (CVE-2020-8284, CVE-2021-4189); connect to the control connection's address and take only the port from the reply";

    public const string UseAdvertisedAddressPolicyMessage =
        "PassiveAddressPolicy.UseAdvertisedAddress connects data connections to the address the 227 reply advertises, so a hostile server can point them at any host and port (CVE-2020-8284, CVE-2021-4189); keep UseControlAddress unless the server sits behind a NAT and advertises the address to use";
}
