using System;
using System.Collections.Generic;

namespace Ftp;

/// <summary>A server reply: a three-digit code and one or more lines of text.</summary>
public sealed class FtpReply
{
    /// <summary>Creates a reply from its code and the lines as received (without CRLF).</summary>
    public FtpReply(int code, IReadOnlyList<string> lines)
    {
        throw new NotImplementedException();
    }

    /// <summary>The reply code, 100-599.</summary>
    public int Code { get; }

    /// <summary>The text after the code on the last line.</summary>
    public string Message { get; } = "";

    /// <summary>Every line as received, without line ends.</summary>
    public IReadOnlyList<string> Lines { get; } = Array.Empty<string>();

    /// <summary>1xx: the command started; another reply follows.</summary>
    public bool IsPreliminary => Code is >= 100 and < 200;

    /// <summary>2xx: the command completed.</summary>
    public bool IsPositiveCompletion => Code is >= 200 and < 300;

    /// <summary>3xx: the command needs another one (PASS after USER, RNTO after RNFR).</summary>
    public bool IsPositiveIntermediate => Code is >= 300 and < 400;

    /// <summary>4xx: the command failed but may succeed if retried.</summary>
    public bool IsTransientNegative => Code is >= 400 and < 500;

    /// <summary>5xx: the command failed.</summary>
    public bool IsPermanentNegative => Code is >= 500 and < 600;

    /// <summary>The reply as received, lines joined with CRLF.</summary>
    public override string ToString() => string.Join("\r\n", Lines);
}
