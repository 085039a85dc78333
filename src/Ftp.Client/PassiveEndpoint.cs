using System;
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
    /// <summary>The address a 227 reply advertises; null for 229, which carries only a port.</summary>
    public IPAddress? AdvertisedAddress { get; }

    /// <summary>The data port, 0-65535.</summary>
    public int Port { get; }

    /// <summary>Parses a 227 or 229 reply. Throws <see cref="FormatException"/> when malformed.</summary>
    public static PassiveEndpoint Parse(FtpReply reply) => throw new NotImplementedException();

    /// <summary>Parses the text of a 227 or 229 reply. Throws <see cref="FormatException"/> when malformed.</summary>
    public static PassiveEndpoint Parse(string replyText) => throw new NotImplementedException();

    /// <summary>Parses the text of a 227 or 229 reply; false when malformed.</summary>
    public static bool TryParse(string? replyText, out PassiveEndpoint endpoint) => throw new NotImplementedException();

    /// <summary>The endpoint to connect to: <paramref name="controlAddress"/> and the reply's port.</summary>
    public IPEndPoint ToEndPoint(IPAddress controlAddress) => new(controlAddress, Port);
}
