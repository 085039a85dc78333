using System;
using System.Globalization;
using System.Net;

namespace Ftp;

/// <summary>
/// The data endpoint of a 227 (PASV) or 229 (EPSV) reply, parsed the way RFC 1123 4.1.2.6 asks:
/// the 227 text is scanned for six numbers (parentheses optional), each must be 0-255, and the
/// port is p1 * 256 + p2. Use <see cref="ToEndPoint"/> to connect to the control connection's
/// address rather than the advertised one.
/// </summary>
public readonly struct PassiveEndpoint
{
    private PassiveEndpoint(IPAddress? advertisedAddress, int port)
    {
        AdvertisedAddress = advertisedAddress;
        Port = port;
    }

    /// <summary>The address a 227 reply advertises; null for 229, which carries only a port.</summary>
    public IPAddress? AdvertisedAddress { get; }

    /// <summary>The data port, 0-65535.</summary>
    public int Port { get; }

    /// <summary>Parses a 227 or 229 reply. Throws <see cref="FormatException"/> when malformed.</summary>
    public static PassiveEndpoint Parse(FtpReply reply)
    {
        if (reply is null)
        {
            throw new ArgumentNullException(nameof(reply));
        }

        return Parse(reply.ToString());
    }

    /// <summary>Parses the text of a 227 or 229 reply. Throws <see cref="FormatException"/> when malformed.</summary>
    public static PassiveEndpoint Parse(string replyText)
    {
        if (replyText is null)
        {
            throw new ArgumentNullException(nameof(replyText));
        }

        if (TryParse(replyText, out PassiveEndpoint endpoint))
        {
            return endpoint;
        }

        throw new FormatException($"Not a valid 227 or 229 reply: \"{Shorten(replyText)}\".");
    }

    /// <summary>Parses the text of a 227 or 229 reply; false when malformed.</summary>
    public static bool TryParse(string? replyText, out PassiveEndpoint endpoint)
    {
        endpoint = default;
        if (replyText is null || replyText.Length < 4)
        {
            return false;
        }

        // "227 ..." or "227-..." (a multi-line reply as FtpReply.ToString() gives it).
        char separator = replyText[3];
        if (separator != ' ' && separator != '-')
        {
            return false;
        }

        if (replyText.StartsWith("227", StringComparison.Ordinal))
        {
            return TryParsePasv(replyText, 4, out endpoint);
        }

        if (replyText.StartsWith("229", StringComparison.Ordinal))
        {
            return TryParseEpsv(replyText, 4, out endpoint);
        }

        return false;
    }

    /// <summary>The endpoint to connect to: <paramref name="controlAddress"/> and the reply's port.</summary>
    public IPEndPoint ToEndPoint(IPAddress controlAddress) => new(controlAddress, Port);

    /// <inheritdoc />
    public override string ToString()
        => AdvertisedAddress is null
            ? Port.ToString(CultureInfo.InvariantCulture)
            : AdvertisedAddress + ":" + Port.ToString(CultureInfo.InvariantCulture);

    // RFC 1123 4.1.2.6: the format of the 227 text is not fixed; scan for the numbers. The six
    // numbers start at the first run of digits that is followed by a comma (so a digit in the
    // text before them, "Mode v2 (", is skipped), and must then be exactly h1,h2,h3,h4,p1,p2.
    private static bool TryParsePasv(string text, int start, out PassiveEndpoint endpoint)
    {
        endpoint = default;
        int i = start;
        while (i < text.Length)
        {
            if (!IsDigit(text[i]))
            {
                i++;
                continue;
            }

            int runEnd = i;
            while (runEnd < text.Length && IsDigit(text[runEnd]))
            {
                runEnd++;
            }

            if (runEnd < text.Length && text[runEnd] == ',')
            {
                return TryParseSixNumbers(text, i, out endpoint);
            }

            i = runEnd;
        }

        return false;
    }

    private static bool TryParseSixNumbers(string text, int start, out PassiveEndpoint endpoint)
    {
        endpoint = default;
        var numbers = new int[6];
        int i = start;
        for (int n = 0; n < 6; n++)
        {
            if (n > 0)
            {
                if (i >= text.Length || text[i] != ',')
                {
                    return false;
                }

                i++;
            }

            int value = 0;
            int digits = 0;
            while (i < text.Length && IsDigit(text[i]))
            {
                if (++digits > 3)
                {
                    return false;
                }

                value = (value * 10) + (text[i] - '0');
                i++;
            }

            if (digits == 0 || value > 255)
            {
                return false;
            }

            numbers[n] = value;
        }

        // A seventh number means the text is not the six-number form.
        if (i < text.Length && text[i] == ',' && i + 1 < text.Length && IsDigit(text[i + 1]))
        {
            return false;
        }

        int port = (numbers[4] * 256) + numbers[5];
        if (port == 0)
        {
            return false;
        }

        var address = new IPAddress(new[] { (byte)numbers[0], (byte)numbers[1], (byte)numbers[2], (byte)numbers[3] });
        endpoint = new PassiveEndpoint(address, port);
        return true;
    }

    // RFC 2428: "(<d><d><d><tcp-port><d>)" where <d> is any printable character, the same four times.
    private static bool TryParseEpsv(string text, int start, out PassiveEndpoint endpoint)
    {
        endpoint = default;
        for (int open = text.IndexOf('(', start); open >= 0; open = text.IndexOf('(', open + 1))
        {
            int i = open + 1;
            if (i + 3 >= text.Length)
            {
                return false;
            }

            char delimiter = text[i];
            if (delimiter < '!' || delimiter > '~' || IsDigit(delimiter) || text[i + 1] != delimiter || text[i + 2] != delimiter)
            {
                continue;
            }

            i += 3;
            int port = 0;
            int digits = 0;
            while (i < text.Length && IsDigit(text[i]) && digits <= 5)
            {
                port = (port * 10) + (text[i] - '0');
                digits++;
                i++;
            }

            if (digits is 0 or > 5 || port is 0 or > 65535)
            {
                continue;
            }

            if (i + 1 < text.Length && text[i] == delimiter && text[i + 1] == ')')
            {
                endpoint = new PassiveEndpoint(null, port);
                return true;
            }
        }

        return false;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";
}
