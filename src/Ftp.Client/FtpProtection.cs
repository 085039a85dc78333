namespace Ftp;

/// <summary>The data channel protection level set by PROT (RFC 2228, RFC 4217).</summary>
public enum FtpProtection
{
    /// <summary>PROT C: data connections are plain TCP.</summary>
    Clear,

    /// <summary>PROT P: data connections are TLS, resuming the control connection's session.</summary>
    Private,
}
