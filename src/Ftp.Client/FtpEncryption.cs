namespace Ftp;

/// <summary>Whether and how the connection uses TLS (FTPS, RFC 4217).</summary>
public enum FtpEncryption
{
    /// <summary>No TLS: commands, the password and the data travel in clear.</summary>
    None,

    /// <summary>
    /// AUTH TLS right after the greeting (a refusal fails the connect: no fall back to clear text),
    /// then PBSZ 0 and PROT P once a login completes, so that data connections are TLS too.
    /// </summary>
    Explicit,

    /// <summary>TLS from the first byte (port 990 by convention), then PBSZ 0 and PROT P once a login completes.</summary>
    Implicit,
}
