using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Ftp.Internal;

/// <summary>
/// Splits the bytes of the control connection into lines and the lines into replies (RFC 959
/// 4.2: "ddd text", or "ddd-text" ... "ddd text"). The socket reads are the caller's, so the
/// same reader serves the sync and the async paths. Every limit is fixed: a line that never
/// ends or a reply that never ends is cut off with an <see cref="FtpProtocolException"/>.
/// </summary>
internal sealed class ReplyReader
{
    /// <summary>The longest reply line accepted, in bytes, without its line end.</summary>
    internal const int MaxLineLength = 8192;

    /// <summary>The most lines one reply may have (STAT of a folder lists it on the control connection).</summary>
    internal const int MaxLinesPerReply = 10_000;

    /// <summary>The most bytes one reply may have, line ends included.</summary>
    internal const int MaxReplyBytes = 1024 * 1024;

    private readonly Encoding _encoding;
    private readonly byte[] _buffer = new byte[(MaxLineLength * 2) + 2];
    private int _start;
    private int _end;
    private List<string>? _lines;
    private int _replyBytes;

    public ReplyReader(Encoding encoding) => _encoding = encoding;

    /// <summary>True while part of a reply has been read but not all of it.</summary>
    public bool IsInsideReply => _lines is not null || _start < _end;

    /// <summary>Where the next socket read goes. Never empty.</summary>
    public ArraySegment<byte> FreeSpace()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        return new ArraySegment<byte>(_buffer, _end, _buffer.Length - _end);
    }

    /// <summary>Records that a socket read put <paramref name="count"/> bytes into <see cref="FreeSpace"/>.</summary>
    public void Commit(int count) => _end += count;

    /// <summary>Takes the next complete line out of the buffer; false when more bytes are needed.</summary>
    public bool TryReadLine(out string line)
    {
        int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
        if (newline < 0)
        {
            if (_end - _start > MaxLineLength)
            {
                throw new FtpProtocolException($"The server sent a reply line longer than {MaxLineLength} bytes.");
            }

            line = "";
            return false;
        }

        int length = newline - _start;
        int consumed = length + 1;
        if (length > 0 && _buffer[newline - 1] == (byte)'\r')
        {
            length--;
        }

        if (length > MaxLineLength)
        {
            throw new FtpProtocolException($"The server sent a reply line longer than {MaxLineLength} bytes.");
        }

        line = _encoding.GetString(_buffer, _start, length);
        _start += consumed;
        _replyBytes += consumed;
        return true;
    }

    /// <summary>Adds a line to the reply being read; returns the reply once its last line is in.</summary>
    public FtpReply? Add(string line)
    {
        if (_lines is null)
        {
            int code = ParseCode(line);
            if (line.Length == 3 || line[3] == ' ')
            {
                return Complete(code, new[] { line });
            }

            if (line[3] != '-')
            {
                throw new FtpProtocolException($"The server sent a reply line that does not start with a code and a space or a hyphen: \"{Shorten(line)}\".");
            }

            _lines = new List<string> { line };
            return null;
        }

        _lines.Add(line);
        if (_lines.Count > MaxLinesPerReply || _replyBytes > MaxReplyBytes)
        {
            throw new FtpProtocolException($"The server sent a reply of more than {MaxLinesPerReply} lines or {MaxReplyBytes} bytes.");
        }

        // The reply ends at the first line that starts with the same code and a space (RFC 959 4.2).
        string first = _lines[0];
        bool sameCode = line.Length >= 3 && string.CompareOrdinal(line, 0, first, 0, 3) == 0;
        if (sameCode && (line.Length == 3 || line[3] == ' '))
        {
            List<string> lines = _lines;
            return Complete(int.Parse(first.Substring(0, 3), NumberStyles.None, CultureInfo.InvariantCulture), lines);
        }

        return null;
    }

    private FtpReply Complete(int code, IReadOnlyList<string> lines)
    {
        _lines = null;
        _replyBytes = 0;
        return new FtpReply(code, lines);
    }

    private static int ParseCode(string line)
    {
        if (line.Length < 3
            || line[0] is < '1' or > '5'
            || line[1] is < '0' or > '9'
            || line[2] is < '0' or > '9')
        {
            throw new FtpProtocolException($"The server sent a line that is not an FTP reply: \"{Shorten(line)}\".");
        }

        return ((line[0] - '0') * 100) + ((line[1] - '0') * 10) + (line[2] - '0');
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "...";
}
