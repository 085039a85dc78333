using System;
using System.Collections.Generic;
using System.Globalization;

namespace Ftp;

/// <summary>A server reply: a three-digit code and one or more lines of text.</summary>
public sealed class FtpReply
{
    private readonly string[] _lines;

    /// <summary>Creates a reply from its code and the lines as received (without CRLF).</summary>
    /// <param name="code">The reply code, 100-599.</param>
    /// <param name="lines">
    /// The lines as received: at least one; the first and the last start with the three digits of
    /// <paramref name="code"/> (a multi-line reply's first line is "ddd-text", its last "ddd text").
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not 100-599.</exception>
    /// <exception cref="ArgumentException">The lines are empty, contain a line end, or do not carry the code.</exception>
    public FtpReply(int code, IReadOnlyList<string> lines)
    {
        if (code is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "An FTP reply code is 100-599.");
        }

        if (lines is null)
        {
            throw new ArgumentNullException(nameof(lines));
        }

        if (lines.Count == 0)
        {
            throw new ArgumentException("A reply has at least one line.", nameof(lines));
        }

        var copy = new string[lines.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            string line = lines[i] ?? throw new ArgumentException("A reply line is null.", nameof(lines));
            if (line.IndexOf('\r') >= 0 || line.IndexOf('\n') >= 0)
            {
                throw new ArgumentException("Reply lines are given without their line ends.", nameof(lines));
            }

            copy[i] = line;
        }

        string digits = code.ToString(CultureInfo.InvariantCulture);
        if (!copy[0].StartsWith(digits, StringComparison.Ordinal) || !copy[copy.Length - 1].StartsWith(digits, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The first and the last line of a {digits} reply start with {digits}.", nameof(lines));
        }

        string last = copy[copy.Length - 1];
        Code = code;
        _lines = copy;
        Lines = Array.AsReadOnly(copy);
        Message = last.Length > 4 ? last.Substring(4) : "";
    }

    /// <summary>The reply code, 100-599.</summary>
    public int Code { get; }

    /// <summary>The text after the code on the last line.</summary>
    public string Message { get; }

    /// <summary>Every line as received, without line ends.</summary>
    public IReadOnlyList<string> Lines { get; }

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
    public override string ToString() => string.Join("\r\n", _lines);
}
