namespace Ftp;

/// <summary>The transfer mode set by MODE (RFC 959 3.4). Servers support Stream; some refuse the others.</summary>
public enum FtpTransferMode
{
    /// <summary>MODE S: the data is sent as a stream of bytes; closing the connection ends the file.</summary>
    Stream,

    /// <summary>MODE B: the data is sent in blocks with headers.</summary>
    Block,

    /// <summary>MODE C: the data is compressed with run-length encoding.</summary>
    Compressed,
}
