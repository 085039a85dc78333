namespace Ftp;

/// <summary>The representation type set by TYPE.</summary>
public enum FtpDataType
{
    /// <summary>TYPE A: the server may rewrite line ends (the servers' default).</summary>
    Ascii,

    /// <summary>TYPE I: bytes are transferred unchanged.</summary>
    Binary,
}
