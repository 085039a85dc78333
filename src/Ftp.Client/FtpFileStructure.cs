namespace Ftp;

/// <summary>The file structure set by STRU (RFC 959 3.1.2). Servers support File; most refuse the others.</summary>
public enum FtpFileStructure
{
    /// <summary>STRU F: a continuous sequence of bytes.</summary>
    File,

    /// <summary>STRU R: a sequence of records.</summary>
    Record,

    /// <summary>STRU P: independent indexed pages.</summary>
    Page,
}
