using System;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Ftp;

/// <summary>Settings of an <see cref="FtpConnection"/>. Every timeout is finite by default.</summary>
public sealed class FtpConnectionOptions
{
    /// <summary>How long opening the control or a data connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a reply may take, from the first byte awaited to its last line (so a server that
    /// trickles a reply byte by byte is cut off too), and how long a data connection may stay
    /// silent during a transfer. When it runs out the call throws <see cref="TimeoutException"/>
    /// and the connection is closed. Independently of time, a reply line longer than 8 KiB or a
    /// reply of more than 10,000 lines (or 1 MiB) throws <see cref="FtpProtocolException"/>.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the data connection goes after PASV. Defaults to the control address.</summary>
    public PassiveAddressPolicy PassiveAddressPolicy { get; set; } = PassiveAddressPolicy.UseControlAddress;

    /// <summary>The encoding of commands and replies (path names). UTF-8 by default.</summary>
    public Encoding Encoding { get; set; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Called with every line sent ("&gt; USER bob") and received ("&lt; 331 Password required"),
    /// as each line goes out or comes in; the password shows as "&gt; PASS ****".
    /// </summary>
    public Action<string>? Log { get; set; }

    /// <summary>
    /// Whether the connection uses TLS (FTPS). <see cref="FtpEncryption.None"/> by default. With
    /// <see cref="FtpEncryption.Explicit"/> or <see cref="FtpEncryption.Implicit"/> the password is
    /// never sent before the control connection is TLS, and data connections are TLS (PROT P) and
    /// resume the control connection's TLS session, as vsftpd (require_ssl_reuse) and ProFTPD demand.
    /// </summary>
    /// <remarks>
    /// The TLS stack is BouncyCastle's, not <see cref="SslStream"/>: SslStream on Linux did not
    /// resume the control connection's session on a data connection (vsftpd answered
    /// "522 SSL connection failed: session reuse required" with TLS 1.2 and 1.3).
    /// </remarks>
    public FtpEncryption Encryption { get; set; } = FtpEncryption.None;

    /// <summary>
    /// Decides whether the server's certificate is accepted, on the control connection and on
    /// every data connection (the same host name, the same callback). The sender is the
    /// <see cref="FtpConnection"/>; the chain is built against the system's roots with the
    /// certificates the server sent, and the errors say what that check and the host-name check
    /// found. When null, the certificate is accepted only when there are no errors.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>
    /// Certificates (with their private keys) the client may present when the server asks for
    /// one; the first whose key is usable is sent. Empty by default.
    /// </summary>
    public X509CertificateCollection ClientCertificates { get; set; } = new X509CertificateCollection();

    /// <summary>
    /// The TLS versions allowed: <see cref="SslProtocols.Tls12"/>, SslProtocols.Tls13 (12288, which
    /// netstandard2.0 does not name) or both; older versions are never offered.
    /// <see cref="SslProtocols.None"/> (the default) offers TLS 1.3 and TLS 1.2. Either way every
    /// data connection resumes the control connection's session, as servers that require session
    /// reuse (vsftpd's require_ssl_reuse, ProFTPD's default) demand: a TLS 1.2 session by its ID, a
    /// TLS 1.3 one with a ticket the server sent on the control connection.
    /// </summary>
    public SslProtocols SslProtocols { get; set; } = SslProtocols.None;
}
