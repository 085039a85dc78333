using System;

namespace Ftp;

/// <summary>The server answered with a reply the operation cannot go on with.</summary>
public class FtpException : Exception
{
    /// <summary>Creates the exception for <paramref name="reply"/>.</summary>
    public FtpException(string message, FtpReply? reply = null, Exception? innerException = null)
        : base(message, innerException) => Reply = reply;

    /// <summary>The reply that failed the operation, when there was one.</summary>
    public FtpReply? Reply { get; }
}

/// <summary>The server sent something that is not a valid FTP reply, or too much of it.</summary>
public sealed class FtpProtocolException : FtpException
{
    /// <summary>Creates the exception.</summary>
    public FtpProtocolException(string message, Exception? innerException = null)
        : base(message, null, innerException)
    {
    }
}
