using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Ftp;

// The FTPS commands (RFC 2228, RFC 4217), one method per verb as in FtpConnection.Commands.cs.
public sealed partial class FtpConnection
{
    /// <summary>
    /// Sends AUTH TLS. On 234 the control connection becomes TLS (<see cref="IsEncrypted"/>); a
    /// refusal is returned as the reply. <see cref="FtpConnectionOptions.Encryption"/> Explicit sends it on connect.
    /// </summary>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The handshake failed or the certificate was not accepted; the connection is closed.</exception>
    [FtpCommand("AUTH")]
    public FtpReply AuthTls() => Execute("AUTH", "TLS");

    /// <summary>
    /// Sends AUTH TLS. On 234 the control connection becomes TLS (<see cref="IsEncrypted"/>); a
    /// refusal is returned as the reply. <see cref="FtpConnectionOptions.Encryption"/> Explicit sends it on connect.
    /// </summary>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The handshake failed or the certificate was not accepted; the connection is closed.</exception>
    [FtpCommand("AUTH")]
    public Task<FtpReply> AuthTlsAsync(CancellationToken cancellationToken = default) => ExecuteAsync("AUTH", "TLS", cancellationToken);

    /// <summary>Sends PBSZ (protection buffer size): 0 for TLS, which RFC 4217 requires before PROT.</summary>
    [FtpCommand("PBSZ")]
    public FtpReply Pbsz(long size = 0) => Execute("PBSZ", size.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sends PBSZ (protection buffer size): 0 for TLS, which RFC 4217 requires before PROT.</summary>
    [FtpCommand("PBSZ")]
    public Task<FtpReply> PbszAsync(long size = 0, CancellationToken cancellationToken = default) => ExecuteAsync("PBSZ", size.ToString(CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>Sends PROT P or PROT C. When the server accepts it, <see cref="DataProtection"/> says what the next data connection uses.</summary>
    [FtpCommand("PROT")]
    public FtpReply Prot(FtpProtection level) => Execute("PROT", level == FtpProtection.Private ? "P" : "C");

    /// <summary>Sends PROT P or PROT C. When the server accepts it, <see cref="DataProtection"/> says what the next data connection uses.</summary>
    [FtpCommand("PROT")]
    public Task<FtpReply> ProtAsync(FtpProtection level, CancellationToken cancellationToken = default) => ExecuteAsync("PROT", level == FtpProtection.Private ? "P" : "C", cancellationToken);

    /// <summary>
    /// Sends CCC (clear command channel). On 200 the client ends the control connection's TLS
    /// session (close_notify) and later commands travel in clear text; data connections keep
    /// their <see cref="DataProtection"/>. Many servers refuse it.
    /// </summary>
    [FtpCommand("CCC")]
    public FtpReply Ccc() => Execute("CCC", null);

    /// <summary>
    /// Sends CCC (clear command channel). On 200 the client ends the control connection's TLS
    /// session (close_notify) and later commands travel in clear text; data connections keep
    /// their <see cref="DataProtection"/>. Many servers refuse it.
    /// </summary>
    [FtpCommand("CCC")]
    public Task<FtpReply> CccAsync(CancellationToken cancellationToken = default) => ExecuteAsync("CCC", null, cancellationToken);
}
